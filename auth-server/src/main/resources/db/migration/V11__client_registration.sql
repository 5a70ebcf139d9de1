-- Clients registered dynamically (RFC 7591), with what RFC 7592 and the admin need beside the
-- registered client itself:
-- registration_token_hash  SHA-256 (hex) of the registration access token (RFC 7592 §1); the token
--                          itself is shown to the client once and never stored.
-- pending_scopes           restricted scopes the client asked for (system/*, the launch API scope),
--                          space separated; an admin grants them by adding them to the client's
--                          scopes, and until then the client does not have them.
-- metadata                 informational metadata as JSON (client_uri, logo_uri, contacts, ...).
CREATE TABLE client_registration (
    client_id varchar(100) NOT NULL,
    registration_token_hash varchar(64) NOT NULL,
    pending_scopes varchar(2000) DEFAULT '' NOT NULL,
    metadata text NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (client_id)
);
