-- H2 only (spring.flyway.locations: db/vendor/{vendor}). H2 draws AUTO_INCREMENT keys from a
-- sequence that reserves 32 values at a time, and each reservation is a commit of its own, which
-- on a database with WRITE_DELAY=0 writes a chunk to the file: one extra store per 32 audit rows
-- (per audited request) or per 32 created resources. Reserving 1,000 at a time cut an audit row
-- from about 52 to 38 microseconds (docs/benchmarks.md). A crash loses at most the unused
-- reserved values: gaps in the keys, which nothing reads as meaning.
ALTER TABLE audit_event ALTER COLUMN pk SET CACHE 1000;
ALTER TABLE fhir_resource ALTER COLUMN pk SET CACHE 1000;
