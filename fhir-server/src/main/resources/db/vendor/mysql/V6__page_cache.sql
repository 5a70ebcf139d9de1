-- MySQL and MariaDB: nothing to do. Their buffer pool lives outside the Java heap; on H2 the same
-- version makes the page cache, which lives in it, smaller (db/vendor/h2).
SELECT 1;
