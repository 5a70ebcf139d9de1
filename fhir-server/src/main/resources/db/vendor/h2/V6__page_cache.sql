-- H2 only (spring.flyway.locations: db/vendor/{vendor}). H2's page cache, 16 MB by default with
-- the server's 400 MB heap, keeps every page it writes: the audit trail writes a row per request,
-- so under load the cache turned over megabytes a second of pages that lived just long enough to
-- be promoted to the old generation, which then filled and stopped the server for a full
-- collection (0.35-0.45 s) every minute or so. With 4 MB the written pages die young, while the
-- pages searches read often (index roots and inner pages) stay: H2's LIRS cache keeps them ahead
-- of pages read or written once. Resource bodies have caches of their own
-- (careconnect.fhir.store and .response). Measured in docs/benchmarks.md (seventh round). H2 keeps
-- this setting in the database; a CACHE_SIZE in the JDBC URL (in KB) still wins over it.
SET CACHE_SIZE 4096;
