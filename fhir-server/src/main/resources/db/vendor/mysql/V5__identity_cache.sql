-- MySQL and MariaDB: nothing to do. Their AUTO_INCREMENT counter lives in memory and costs no
-- commit of its own; on H2 the same version reserves keys in larger blocks (db/vendor/h2).
SELECT 1;
