package org.careconnect.smart.fhir.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;

/**
 * The audit trail's way to the database: requests put their record in a bounded queue and go on;
 * one background thread writes what has gathered in batches, one transaction each, at most
 * {@code flush-interval} after a record arrived or as soon as {@code batch-size} are waiting.
 *
 * <p>Why not write in the request: with durable commits ({@code WRITE_DELAY=0}, MySQL's
 * {@code innodb_flush_log_at_trx_commit=1}) each commit is an fsync; one per read would cost
 * reads far more than the 10 % the security benchmark allows. One per batch costs next to nothing.
 *
 * <p>Nothing is lost in silence: when the queue is full a request waits up to {@code offer-timeout}
 * for room (back-pressure, not loss); if there is still none the record is logged at WARN in full
 * and counted ({@code careconnect.audit.dropped}). A batch the database refuses is retried until it
 * is written; on a graceful shutdown the queue is drained before the database pool closes.
 */
final class AuditTrail implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  /** After the web server (which stops in phase DEFAULT_PHASE - 1024/2048): no request is left. */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final AuditEventTable table;
  private final AuditProperties properties;
  private final BlockingQueue<AuditRecord> queue;
  private final Counter written;
  private final Counter dropped;
  private volatile boolean running;
  private volatile boolean stopped;
  private volatile Thread writer;

  AuditTrail(AuditEventTable table, AuditProperties properties, MeterRegistry meters) {
    this.table = table;
    this.properties = properties;
    this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
    this.written = Counter.builder("careconnect.audit.written")
        .description("Audit records written to the database").register(meters);
    this.dropped = Counter.builder("careconnect.audit.dropped")
        .description("Audit records that found the queue full and went to the log instead").register(meters);
    meters.gauge("careconnect.audit.queued", queue, BlockingQueue::size);
  }

  /** Queues a record; never throws, so auditing can never fail the request it describes. */
  void record(AuditRecord record) {
    if (stopped) {
      // a request answered after the writer stopped (none should be: the web server stops first)
      dropped.increment();
      log.warn("Audit writer stopped: record written here instead of the audit table: {}", record);
      return;
    }
    try {
      if (queue.offer(record) || queue.offer(record, properties.offerTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        if (queue.size() >= properties.batchSize()) {
          LockSupport.unpark(writer); // a full batch: no need to wait for the flush interval
        }
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dropped.increment();
    log.warn("Audit queue full: record written here instead of the audit table: {}", record);
  }

  long dropped() {
    return (long) dropped.count();
  }

  @Override
  public void start() {
    running = true;
    writer = new Thread(this::writeUntilStopped, "audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Blocks until every queued record is written (or, with the database gone, logged). */
  @Override
  public void stop() {
    running = false;
    try {
      writer.join();
      stopped = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private void writeUntilStopped() {
    List<AuditRecord> batch = new ArrayList<>(properties.batchSize());
    while (running || !queue.isEmpty()) {
      try {
        gather(batch);
      } catch (InterruptedException e) {
        // nobody interrupts this thread; if someone does, only stop() ends it, after draining
      }
      if (!batch.isEmpty()) {
        write(batch);
        batch.clear();
      }
    }
  }

  /**
   * Waits for a first record, then up to flush-interval more for a full batch. Waits in slices
   * of at most {@link #SLICE_NANOS}, so a stop is noticed at once without interrupting the thread
   * (an interrupt during a write would close H2's file channel).
   *
   * <p>After the first record the writer sleeps (parks) instead of waiting on the queue: waiting
   * on it, every request's offer woke the writer for one record, a thread switch per request
   * (thousands a second on two cores). A request that fills a batch wakes it ({@link #record}).
   */
  private void gather(List<AuditRecord> batch) throws InterruptedException {
    AuditRecord first = queue.poll(SLICE_NANOS, TimeUnit.NANOSECONDS);
    if (first == null) {
      return;
    }
    batch.add(first);
    long deadline = System.nanoTime() + properties.flushInterval().toNanos();
    while (running) {
      queue.drainTo(batch, properties.batchSize() - batch.size());
      long left = deadline - System.nanoTime();
      if (batch.size() >= properties.batchSize() || left <= 0) {
        return;
      }
      LockSupport.parkNanos(this, Math.min(left, SLICE_NANOS));
    }
    queue.drainTo(batch, properties.batchSize() - batch.size());
  }

  /**
   * Writes a batch. If the database refuses it, each record is tried alone: records that fail
   * while others pass are logged and counted (one bad record must not stop the trail); if none
   * passes the database is away, and the batch is retried with back-off while the queue fills
   * and requests feel the back-pressure. At shutdown a batch that still fails goes to the log.
   */
  private void write(List<AuditRecord> batch) {
    long backoffMillis = 100;
    List<AuditRecord> pending = new ArrayList<>(batch);
    while (!pending.isEmpty()) {
      try {
        table.insert(pending);
        written.increment(pending.size());
        return;
      } catch (DataAccessException e) {
        List<AuditRecord> failed = writeOneByOne(pending);
        if (failed.size() < pending.size() || !running) {
          dropped.increment(failed.size());
          failed.forEach(r -> log.error("Audit record could not be written: {}", r, e));
          return;
        }
        log.warn("Audit batch of {} could not be written; retrying in {} ms: {}", pending.size(), backoffMillis, e.getMessage());
        sleep(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, 10_000);
      }
    }
  }

  private List<AuditRecord> writeOneByOne(List<AuditRecord> records) {
    List<AuditRecord> failed = new ArrayList<>();
    for (AuditRecord record : records) {
      try {
        table.insert(List.of(record));
        written.increment();
      } catch (DataAccessException e) {
        failed.add(record);
      }
    }
    return failed;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
