package org.careconnect.smart.fhir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The queue between requests and the database: batched, flushed on time and at shutdown, never silent. */
class AuditQueueTest {

  JdbcTemplate jdbc;
  AuditEventTable table;
  SimpleMeterRegistry meters = new SimpleMeterRegistry();
  AuditTrail trail;

  @BeforeEach
  void emptyAuditTable() {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    table = new AuditEventTable(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
  }

  @AfterEach
  void stop() {
    if (trail != null && trail.isRunning()) {
      trail.stop();
    }
  }

  @Test
  void fewRecordsWhenQueuedThenWrittenWithinTheFlushInterval() {
    trail = start(1000, 500, Duration.ofMillis(200), Duration.ofMillis(10));
    long queued = System.currentTimeMillis();

    trail.record(record("a"));
    trail.record(record("b"));

    Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> rows() >= 2);
    assertThat(rows()).isEqualTo(2);
    assertThat(System.currentTimeMillis() - queued).isLessThan(2_000);
    assertThat(meters.get("careconnect.audit.written").counter().count()).isEqualTo(2.0);
  }

  @Test
  void gracefulStopWhenRecordsAreWaitingThenEveryOneIsWrittenBeforeStopReturns() {
    trail = start(1000, 500, Duration.ofHours(1), Duration.ofMillis(10));
    for (int i = 0; i < 300; i++) {
      trail.record(record("r" + i));
    }

    trail.stop();

    assertThat(rows()).isEqualTo(300);
    assertThat(trail.dropped()).isZero();
  }

  @Test
  void fullBatchWhenReachedThenWrittenWithoutWaitingForTheInterval() {
    trail = start(1000, 10, Duration.ofSeconds(30), Duration.ofMillis(10));
    for (int i = 0; i < 10; i++) {
      trail.record(record("r" + i));
    }
    Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> rows() >= 10);
    assertThat(rows()).isEqualTo(10);
  }

  @Test
  void fullQueueWhenNoRoomWithinTheTimeoutThenRecordIsCountedAsDroppedAndLogged() {
    // not started: nothing drains the queue
    trail = new AuditTrail(table, new AuditProperties(2, 10, Duration.ofMillis(200), Duration.ofMillis(20)), meters);

    trail.record(record("1"));
    trail.record(record("2"));
    long before = System.nanoTime();
    trail.record(record("3"));

    assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    assertThat(trail.dropped()).isEqualTo(1);
    assertThat(meters.get("careconnect.audit.dropped").counter().count()).isEqualTo(1.0);
    assertThat(meters.get("careconnect.audit.queued").gauge().value()).isEqualTo(2.0);
  }

  @Test
  void valuesLongerThanTheirColumnsWhenWrittenThenCutNotRefused() {
    trail = start(1000, 500, Duration.ofMillis(50), Duration.ofMillis(10));
    String longId = "x".repeat(500);

    trail.record(new AuditRecord(1L, "read", null, "Patient", longId, 200, null, null, null, longId, null, longId,
        "127.0.0.1", "GET", "q".repeat(5000)));
    trail.stop();

    assertThat(jdbc.queryForObject("SELECT LENGTH(res_id) FROM audit_event", Integer.class)).isEqualTo(64);
    assertThat(jdbc.queryForObject("SELECT LENGTH(query) FROM audit_event", Integer.class)).isEqualTo(2000);
  }

  private AuditTrail start(int capacity, int batch, Duration flush, Duration offer) {
    AuditTrail started = new AuditTrail(table, new AuditProperties(capacity, batch, flush, offer), meters);
    started.start();
    return started;
  }

  private int rows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Integer.class);
  }

  private static AuditRecord record(String requestId) {
    return new AuditRecord(System.currentTimeMillis(), "read", null, "Patient", "1", 200, "app", "user", null, "1",
        "jti", requestId, "127.0.0.1", "GET", null);
  }
}
