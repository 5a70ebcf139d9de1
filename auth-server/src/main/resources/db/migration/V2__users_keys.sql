-- People who log in. fhir_user is the FHIR resource the person is (SMART 2.2 fhirUser claim),
-- e.g. Practitioner/demo-prac-1-1 or Patient/demo-pat-1. password_hash carries its encoder id
-- ({bcrypt}...), so the hash settings can change without a migration.
CREATE TABLE app_user (
    username varchar(100) NOT NULL,
    password_hash varchar(200) NOT NULL,
    kind varchar(20) NOT NULL,
    fhir_user varchar(200) NOT NULL,
    display_name varchar(200) NOT NULL,
    enabled boolean DEFAULT TRUE NOT NULL,
    PRIMARY KEY (username)
);

-- RSA signing keys. The active key (retired_at null) signs; a retired key stays published in the
-- JWKS until every token it signed has expired. private_key holds the PKCS#8 key, encrypted with
-- AES-256-GCM when a key-encryption key is configured (private_key_encryption = 'A256GCM').
CREATE TABLE signing_key (
    kid varchar(100) NOT NULL,
    public_key text NOT NULL,
    private_key text NOT NULL,
    private_key_encryption varchar(20) NOT NULL,
    created_at bigint NOT NULL,
    retired_at bigint DEFAULT NULL,
    PRIMARY KEY (kid)
);

-- Refresh tokens that have been exchanged (rotated away), by SHA-256 of their value. Presenting
-- one again is a sign of theft (OAuth 2.0 Security BCP, RFC 9700 §4.14.2): the whole family,
-- i.e. the authorization it belongs to, is revoked.
CREATE TABLE spent_refresh_token (
    token_hash varchar(64) NOT NULL,
    authorization_id varchar(100) NOT NULL,
    spent_at bigint NOT NULL,
    PRIMARY KEY (token_hash)
);
