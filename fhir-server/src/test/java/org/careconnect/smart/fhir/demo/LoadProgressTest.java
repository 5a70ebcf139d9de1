package org.careconnect.smart.fhir.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.Test;

class LoadProgressTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void progressIsReportedOncePerTenthWithCountsAndRate() {
    LoadProgress progress = new LoadProgress(40_000, 0);
    for (int i = 0; i < 12_345; i++) {
      progress.written(new Observation());
    }

    progress.patientsWritten(3_999);
    String beforeTenth = progress.tenthReached(10 * SECOND);
    progress.patientsWritten(1);
    String atTenth = progress.tenthReached(10 * SECOND);
    String again = progress.tenthReached(11 * SECOND);

    assertThat(beforeTenth).isNull();
    assertThat(atTenth)
        .isEqualTo("Demo data: 4,000 / 40,000 patients (10%), 12,345 resources, 1,235 resources/s");
    assertThat(again).isNull();
  }

  @Test
  void aBatchThatCrossesSeveralTenthsIsReportedOnce() {
    LoadProgress progress = new LoadProgress(5, 0);
    progress.written(new Patient());
    progress.patientsWritten(5);

    assertThat(progress.tenthReached(SECOND))
        .isEqualTo("Demo data: 5 / 5 patients (100%), 1 resources, 1 resources/s");
    assertThat(progress.tenthReached(SECOND)).isNull();
  }

  @Test
  void theSummaryGivesTotalsTimeRateAndTheCountOfEachType() {
    LoadProgress progress = new LoadProgress(2, 0);
    progress.written(new Patient());
    progress.written(new Patient());
    progress.written(new Observation());
    progress.patientsWritten(2);

    assertThat(progress.summary(61 * SECOND))
        .isEqualTo(
            "Demo data loaded: 2 patients, 3 resources in 1 min 1 s (0 resources/s):"
                + " Observation 1, Patient 2");
  }
}
