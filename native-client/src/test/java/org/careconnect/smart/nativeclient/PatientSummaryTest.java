package org.careconnect.smart.nativeclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PatientSummaryTest {

  @Test
  void officialNameAndNhsNumberWhenCareConnectPatient() throws Exception {
    String patient =
        """
        {"resourceType": "Patient", "id": "demo-pat-1",
         "identifier": [{"system": "https://example.org/mrn", "value": "M1"},
                        {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}],
         "name": [{"use": "usual", "given": ["Bob"], "family": "Smith"},
                  {"use": "official", "prefix": ["Mr"], "given": ["Robert", "James"], "family": "Smith"}]}
        """;

    assertThat(PatientSummary.from(new ObjectMapper().readTree(patient)))
        .isEqualTo(new PatientSummary("Mr Robert James Smith", "9434765919"));
  }

  @Test
  void placeholdersWhenNoNameOrNumber() throws Exception {
    assertThat(PatientSummary.from(new ObjectMapper().readTree("{\"resourceType\": \"Patient\"}")))
        .isEqualTo(new PatientSummary("(no name)", "(none)"));
  }

  @Test
  void tokensAreTruncatedInOutput() {
    String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwYXRpZW50MSJ9.c2lnbmF0dXJl";

    assertThat(Redaction.truncate(token)).isEqualTo("eyJhbGciOiJS…(" + token.length() + " chars)");
    assertThat(Redaction.truncate("short")).isEqualTo("…(5 chars)");
  }
}
