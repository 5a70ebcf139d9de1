-- FHIR ids, codes and :exact string searches are case- and accent-sensitive. MySQL and MariaDB
-- compare text with the database's default collation, usually case-insensitive
-- (utf8mb4_0900_ai_ci, utf8mb4_general_ci): Patient/abc and Patient/ABC would collide. Every
-- table is made utf8mb4_bin here, whatever collation the database was created with.
-- H2 (MODE=MySQL) accepts this statement and ignores it: H2 compares text exactly already.
ALTER TABLE fhir_resource CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE fhir_resource_version CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE idx_token CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE idx_string CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE idx_date CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE idx_reference CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE paging_key CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE audit_event CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
