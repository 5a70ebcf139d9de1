-- CareConnect SMART FHIR resource store.
-- Portable SQL: the same migration runs on H2 (MODE=MySQL) and MySQL/MariaDB.
-- Times are epoch milliseconds (BIGINT) so that neither database converts time zones.

-- One row per logical resource: its current version.
CREATE TABLE fhir_resource (
    pk           BIGINT AUTO_INCREMENT PRIMARY KEY,
    res_type     VARCHAR(40)  NOT NULL,
    res_id       VARCHAR(64)  NOT NULL,
    version_id   BIGINT       NOT NULL,
    last_updated BIGINT       NOT NULL,
    deleted      BOOLEAN      NOT NULL,
    CONSTRAINT uq_fhir_resource UNIQUE (res_type, res_id)
);
CREATE INDEX ix_fhir_resource_updated ON fhir_resource (res_type, last_updated);

-- Every version ever written, current one included; body is the resource as JSON (NULL for a delete).
CREATE TABLE fhir_resource_version (
    res_pk       BIGINT      NOT NULL,
    version_id   BIGINT      NOT NULL,
    res_type     VARCHAR(40) NOT NULL,
    last_updated BIGINT      NOT NULL,
    method       VARCHAR(8)  NOT NULL,
    body         LONGTEXT,
    PRIMARY KEY (res_pk, version_id)
);
CREATE INDEX ix_fhir_version_type_updated ON fhir_resource_version (res_type, last_updated);
CREATE INDEX ix_fhir_version_updated ON fhir_resource_version (last_updated);

-- Search indexes of the current version. Rows are replaced on every write.
CREATE TABLE idx_token (
    res_pk   BIGINT       NOT NULL,
    res_type VARCHAR(40)  NOT NULL,
    param    VARCHAR(64)  NOT NULL,
    sys      VARCHAR(255),
    code     VARCHAR(255) NOT NULL
);
CREATE INDEX ix_idx_token_code ON idx_token (res_type, param, code, sys, res_pk);
CREATE INDEX ix_idx_token_pk ON idx_token (res_pk, param);

CREATE TABLE idx_string (
    res_pk   BIGINT       NOT NULL,
    res_type VARCHAR(40)  NOT NULL,
    param    VARCHAR(64)  NOT NULL,
    norm     VARCHAR(255) NOT NULL,
    exact    VARCHAR(255) NOT NULL
);
CREATE INDEX ix_idx_string_norm ON idx_string (res_type, param, norm, res_pk);
CREATE INDEX ix_idx_string_exact ON idx_string (res_type, param, exact, res_pk);
CREATE INDEX ix_idx_string_pk ON idx_string (res_pk, param);

CREATE TABLE idx_date (
    res_pk   BIGINT      NOT NULL,
    res_type VARCHAR(40) NOT NULL,
    param    VARCHAR(64) NOT NULL,
    low_ms   BIGINT      NOT NULL,
    high_ms  BIGINT      NOT NULL
);
CREATE INDEX ix_idx_date_low ON idx_date (res_type, param, low_ms, res_pk);
CREATE INDEX ix_idx_date_pk ON idx_date (res_pk, param);

CREATE TABLE idx_reference (
    res_pk      BIGINT      NOT NULL,
    res_type    VARCHAR(40) NOT NULL,
    param       VARCHAR(64) NOT NULL,
    target_type VARCHAR(40) NOT NULL,
    target_id   VARCHAR(64) NOT NULL
);
CREATE INDEX ix_idx_reference_target ON idx_reference (target_id, target_type, res_type, param, res_pk);
CREATE INDEX ix_idx_reference_pk ON idx_reference (res_pk, param);

-- The key that signs paging links (_getpages). A link carries its own query, so no search writes
-- to the database; the key is shared here so that every node accepts every node's links, and
-- after a restart too.
CREATE TABLE paging_key (
    id     INT          NOT NULL PRIMARY KEY,
    secret VARCHAR(100) NOT NULL
);
