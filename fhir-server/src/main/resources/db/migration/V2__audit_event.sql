-- The audit trail of the secured FHIR face: one row per request, allowed or refused. Written in
-- batches by a background writer, read back as FHIR AuditEvent resources by admins only.
-- Kept beside the resource store, not behind its seam: a deployment that serves its own system
-- through the seam is audited all the same. Portable SQL (H2 in MySQL mode, MySQL/MariaDB).
CREATE TABLE audit_event (
    pk             BIGINT AUTO_INCREMENT PRIMARY KEY,
    recorded       BIGINT        NOT NULL,  -- epoch milliseconds
    interaction    VARCHAR(20)   NOT NULL,  -- http://hl7.org/fhir/restful-interaction code
    operation      VARCHAR(64),             -- $everything, $validate, ...
    res_type       VARCHAR(64),
    res_id         VARCHAR(64),
    status         INT           NOT NULL,  -- HTTP status of the answer
    outcome        CHAR(1)       NOT NULL,  -- 0 success, 4 minor failure, 8 serious failure
    client_id      VARCHAR(255),
    subject        VARCHAR(255),
    fhir_user      VARCHAR(255),
    patient        VARCHAR(64),
    token_id       VARCHAR(255),
    request_id     VARCHAR(64),
    client_address VARCHAR(64),
    method         VARCHAR(8)    NOT NULL,
    query          VARCHAR(2000)
);
CREATE INDEX ix_audit_event_recorded ON audit_event (recorded);
CREATE INDEX ix_audit_event_patient ON audit_event (patient, recorded);
CREATE INDEX ix_audit_event_client ON audit_event (client_id, recorded);
CREATE INDEX ix_audit_event_user ON audit_event (fhir_user, recorded);
