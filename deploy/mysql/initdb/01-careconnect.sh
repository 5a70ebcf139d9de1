#!/bin/bash
# Run once by the mysql image on an empty data directory: the two databases and their users,
# with the passwords from the compose secrets (never from the environment).
set -euo pipefail
fhir_password=$(cat /run/secrets/fhir_db_password)
auth_password=$(cat /run/secrets/auth_db_password)
mysql --protocol=socket -uroot -p"$(cat /run/secrets/mysql_root_password)" <<SQL
CREATE DATABASE IF NOT EXISTS fhir CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE DATABASE IF NOT EXISTS auth CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'fhir'@'%' IDENTIFIED BY '${fhir_password}';
CREATE USER IF NOT EXISTS 'auth'@'%' IDENTIFIED BY '${auth_password}';
GRANT ALL PRIVILEGES ON fhir.* TO 'fhir'@'%';
GRANT ALL PRIVILEGES ON auth.* TO 'auth'@'%';
SQL
