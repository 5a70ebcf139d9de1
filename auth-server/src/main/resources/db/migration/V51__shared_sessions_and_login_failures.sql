-- Several nodes behind a load balancer without sticky sessions (docs/architecture.md, "Several
-- nodes"): the browser session and the login lockout counters live in the database, so a login
-- started on one node completes on another and a password guesser meets the same limit on all.

-- Spring Session JDBC (spring-session-jdbc's schema-mysql.sql, portable to H2 in MySQL mode;
-- MEDIUMBLOB instead of BLOB so a session holding the picker's bounded state never hits 64 KB).
-- Upper-case names: Spring Session's queries use them and MySQL table names are case-sensitive.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID CHAR(36) NOT NULL,
    SESSION_ID CHAR(36) NOT NULL,
    CREATION_TIME BIGINT NOT NULL,
    LAST_ACCESS_TIME BIGINT NOT NULL,
    MAX_INACTIVE_INTERVAL INT NOT NULL,
    EXPIRY_TIME BIGINT NOT NULL,
    PRINCIPAL_NAME VARCHAR(100),
    PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36) NOT NULL,
    ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES MEDIUMBLOB NOT NULL,
    PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);

-- Failed password logins per username and client address (user/LoginAttempts). last_failure is
-- epoch milliseconds; a row whose last failure is older than the lockout counts as no failures.
CREATE TABLE login_failure (
    username varchar(100) NOT NULL,
    address varchar(64) NOT NULL,
    failures int NOT NULL,
    last_failure bigint NOT NULL,
    PRIMARY KEY (username, address)
);

CREATE INDEX login_failure_last ON login_failure (last_failure);
