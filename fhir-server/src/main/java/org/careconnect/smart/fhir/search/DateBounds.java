package org.careconnect.smart.fhir.search;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.hl7.fhir.dstu3.model.BaseDateTimeType;

/**
 * The range of instants a FHIR date stands for, given its precision: {@code 2020} is the whole
 * year, {@code 2020-03-01T10:00} the whole minute (FHIR STU3 §3.1.1.4.4 "date"). Dates without a
 * time have no time zone, so they are read in UTC, for indexed values and search values alike.
 */
public final class DateBounds {

  private DateBounds() {}

  /** {@code [low, high]} in epoch milliseconds, both inclusive. */
  public static long[] of(BaseDateTimeType value) {
    TemporalPrecisionEnum precision = value.getPrecision();
    String text = value.getValueAsString();
    switch (precision) {
      case YEAR -> {
        int year = Integer.parseInt(text.substring(0, 4));
        return between(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
      }
      case MONTH -> {
        YearMonth month = YearMonth.parse(text.substring(0, 7));
        return between(month.atDay(1), month.plusMonths(1).atDay(1));
      }
      case DAY -> {
        LocalDate day = LocalDate.parse(text.substring(0, 10));
        return between(day, day.plusDays(1));
      }
      default -> {
        long instant = value.getValue().getTime();
        long unit =
            switch (precision) {
              case MINUTE -> 60_000L;
              case SECOND -> 1_000L;
              default -> 1L;
            };
        long low = Math.floorDiv(instant, unit) * unit;
        return new long[] {low, low + unit - 1};
      }
    }
  }

  private static long[] between(LocalDate start, LocalDate endExclusive) {
    long low = start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long high = endExclusive.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
    return new long[] {low, high};
  }
}
