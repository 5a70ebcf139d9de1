-- Token lookup (token/TokenLookup): SHA-256 (hex) of every token value an authorization holds
-- (state, code, access, refresh, id token, user and device codes) -> the authorization's id.
-- Spring's JdbcOAuth2AuthorizationService finds a token by comparing the blob columns of
-- oauth2_authorization, which neither database can index: every refresh, introspection and
-- revocation scanned the whole table. The hash is indexed; the token itself is not stored here.
-- Rows that exist before this migration are indexed by V41 (token/TokenLookupBackfill).
CREATE TABLE oauth2_token_lookup (
    token_hash char(64) NOT NULL,
    token_type varchar(32) NOT NULL,
    authorization_id varchar(100) NOT NULL,
    PRIMARY KEY (token_hash, token_type, authorization_id)
);

CREATE INDEX oauth2_token_lookup_authorization ON oauth2_token_lookup (authorization_id);
