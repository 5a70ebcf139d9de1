-- Spent client-assertion ids (RFC 7523 §3 "jti"; SMART App Launch 2.2 backend services): an id is
-- accepted once per client. Kept in the database so every node of a cluster refuses a replay.
-- expires_at (epoch seconds) is when the assertion expired (plus clock skew); expired rows are
-- purged, as the assertion cannot be used after that anyway.
CREATE TABLE client_assertion_jti (
    client_id varchar(100) NOT NULL,
    jti varchar(255) NOT NULL,
    expires_at bigint NOT NULL,
    PRIMARY KEY (client_id, jti)
);

CREATE INDEX client_assertion_jti_expires ON client_assertion_jti (expires_at);
