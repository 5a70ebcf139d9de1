-- EHR launch contexts registered through POST /api/launch (SMART App Launch 2.2 §EHR launch).
-- The launch id is the opaque value the EHR passes to the app as `launch`; it is bound to the app
-- (client_id), expires at expires_at and can be used once: used_at is set by an UPDATE ... WHERE
-- used_at IS NULL, so of two concurrent authorisation requests only one resolves it; used_by is
-- the user who was logged in then, the only one whose authorization receives the context. Times are
-- epoch milliseconds. fhir_context holds the SMART fhirContext array as JSON.
CREATE TABLE smart_launch (
    launch_id varchar(64) NOT NULL,
    client_id varchar(100) NOT NULL,
    patient varchar(64) DEFAULT NULL,
    encounter varchar(64) DEFAULT NULL,
    user_ref varchar(200) DEFAULT NULL,
    need_patient_banner boolean DEFAULT NULL,
    smart_style_url varchar(1000) DEFAULT NULL,
    fhir_context text DEFAULT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    used_at bigint DEFAULT NULL,
    used_by varchar(100) DEFAULT NULL,
    PRIMARY KEY (launch_id)
);

CREATE INDEX smart_launch_expires_at ON smart_launch (expires_at);
