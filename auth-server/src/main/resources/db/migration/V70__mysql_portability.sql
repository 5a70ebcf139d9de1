-- MySQL/MariaDB portability of the auth schema. H2 (MODE=MySQL) accepts the same statements; it
-- compares text exactly already and has neither limit below.
--
-- 1. Binary collation on every table: client ids, usernames, launch ids and token hashes compare
--    exactly (case- and accent-sensitive), as on H2, whatever collation the database has.

ALTER TABLE oauth2_registered_client CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE oauth2_authorization CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE oauth2_authorization_consent CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE client_assertion_jti CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE client_registration CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE smart_launch CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE app_user CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE signing_key CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE spent_refresh_token CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE oauth2_token_lookup CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE login_failure CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
-- Not SPRING_SESSION and SPRING_SESSION_ATTRIBUTES (V51): MySQL refuses to change the collation
-- of columns joined by a foreign key, and their keys are generated UUIDs, lower case only.

-- 2. MySQL's TIMESTAMP ends in January 2038 and is converted through the session time zone.
--    Spring Authorization Server binds java.sql.Timestamp: DATETIME(6) keeps the microseconds and
--    any date, and the mysql profile reads and writes it as UTC (connectionTimeZone).
ALTER TABLE oauth2_registered_client MODIFY COLUMN client_id_issued_at datetime(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL;
ALTER TABLE oauth2_registered_client MODIFY COLUMN client_secret_expires_at datetime(6) NULL DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN authorization_code_issued_at datetime(6) NULL DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN authorization_code_expires_at datetime(6) NULL DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN access_token_issued_at datetime(6) NULL DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN access_token_expires_at datetime(6) NULL DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN oidc_id_token_issued_at datetime(6) NULL DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN oidc_id_token_expires_at datetime(6) NULL DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN refresh_token_issued_at datetime(6) NULL DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN refresh_token_expires_at datetime(6) NULL DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN user_code_issued_at datetime(6) NULL DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN user_code_expires_at datetime(6) NULL DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN device_code_issued_at datetime(6) NULL DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN device_code_expires_at datetime(6) NULL DEFAULT NULL;

-- 3. MySQL's BLOB holds at most 64 KB; an authorization's attributes (the authorization request,
--    the principal) and a token with many scopes can grow past that. LONGBLOB on MySQL, BLOB on H2.
ALTER TABLE oauth2_authorization MODIFY COLUMN attributes longblob DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN authorization_code_value longblob DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN authorization_code_metadata longblob DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN access_token_value longblob DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN access_token_metadata longblob DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN oidc_id_token_value longblob DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN oidc_id_token_metadata longblob DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN refresh_token_value longblob DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN refresh_token_metadata longblob DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN user_code_value longblob DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN user_code_metadata longblob DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN device_code_value longblob DEFAULT NULL;
ALTER TABLE oauth2_authorization MODIFY COLUMN device_code_metadata longblob DEFAULT NULL;
