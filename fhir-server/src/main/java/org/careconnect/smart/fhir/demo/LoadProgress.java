package org.careconnect.smart.fhir.demo;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.dstu3.model.Resource;

/** Counts what the loader has written and says how far it is, every tenth of the way. */
final class LoadProgress {

  private final int totalPatients;
  private final long startNanos;
  private final Map<String, Integer> byType = new TreeMap<>();
  private int patients;
  private long resources;
  private int lastTenth;

  LoadProgress(int totalPatients, long startNanos) {
    this.totalPatients = totalPatients;
    this.startNanos = startNanos;
  }

  void written(Resource resource) {
    byType.merge(resource.fhirType(), 1, Integer::sum);
    resources++;
  }

  void patientsWritten(int count) {
    patients += count;
  }

  /**
   * The progress line when a new tenth of the patients has been written since the last one,
   * else null.
   */
  String tenthReached(long nowNanos) {
    int tenth = (int) (10L * patients / totalPatients);
    if (tenth <= lastTenth) {
      return null;
    }
    lastTenth = tenth;
    return String.format(
        Locale.UK,
        "Demo data: %,d / %,d patients (%d%%), %,d resources, %,d resources/s",
        patients,
        totalPatients,
        100L * patients / totalPatients,
        resources,
        rate(nowNanos));
  }

  /** The closing line: counts, time taken and rate, and the count of each type. */
  String summary(long nowNanos) {
    Duration elapsed = Duration.ofNanos(nowNanos - startNanos);
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.UK,
                "Demo data loaded: %,d patients, %,d resources in %d min %d s (%,d resources/s):",
                patients,
                resources,
                elapsed.toMinutes(),
                elapsed.toSecondsPart(),
                rate(nowNanos)));
    byType.forEach((type, count) -> line.append(String.format(Locale.UK, " %s %,d,", type, count)));
    line.setLength(line.length() - 1);
    return line.toString();
  }

  long resources() {
    return resources;
  }

  int patients() {
    return patients;
  }

  Map<String, Integer> byType() {
    return Map.copyOf(byType);
  }

  long rate(long nowNanos) {
    double seconds = Math.max(1e-3, (nowNanos - startNanos) / 1e9);
    return Math.round(resources / seconds);
  }
}
