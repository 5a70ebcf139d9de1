-- No query reads ix_audit_event_client: the AuditEvent agent search asks for
-- (subject = ? OR client_id = ?), which neither H2 nor MySQL answers from an index on one of the
-- two columns. Every audited request still paid for it (one more index entry per row: about
-- 4 of the ~50 microseconds an audit row cost on H2, docs/benchmarks.md). Portable SQL.
ALTER TABLE audit_event DROP INDEX ix_audit_event_client;
