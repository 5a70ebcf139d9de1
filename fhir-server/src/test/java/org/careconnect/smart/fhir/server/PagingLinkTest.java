package org.careconnect.smart.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Paging links carry their query, signed: they work as given and in no other form. */
@FhirServerIntegrationTest
class PagingLinkTest {

  private static final Pattern PAGE_ID = Pattern.compile("_getpages=([^&]+)");

  @LocalServerPort int port;
  FhirTestClient client;
  String family;

  @BeforeEach
  void threePatientsOfOneFamily() {
    client = new FhirTestClient(port);
    family = FhirTestClient.unique("Paged");
    for (int i = 0; i < 3; i++) {
      client.postJson("Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\""
          + family + "\",\"given\":[\"N" + i + "\"]}]}");
    }
  }

  @Test
  void nextLinkAsGivenReturnsTheSecondPage() {
    String next = nextLink(client.get("Patient?family=" + family + "&_count=2"));

    Bundle second = client.parse(Bundle.class, client.get(next).body());

    assertThat(second.getTotal()).isEqualTo(3);
    assertThat(second.getEntry()).hasSize(1);
  }

  @Test
  void tamperedPageIdIsRefusedWith410AndAnOperationOutcome() {
    String next = nextLink(client.get("Patient?family=" + family + "&_count=2"));
    Matcher id = PAGE_ID.matcher(next);
    assertThat(id.find()).isTrue();
    String original = id.group(1);
    // The first character: all six of its bits are data (the MAC's first byte). The last one of
    // unpadded base64 may carry unused bits, so changing it could leave the bytes as they were.
    char first = original.charAt(0);
    String tampered = (first == 'A' ? 'B' : 'A') + original.substring(1);

    HttpResponse<String> response = client.get(next.replace(original, tampered));

    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(response.body())
        .contains("OperationOutcome")
        .contains("The search page link has expired or is not valid; run the search again");
  }

  @Test
  void madeUpPageIdIsRefusedWith410() {
    HttpResponse<String> response = client.get(client.base() + "?_getpages=not-a-real-page&_getpagesoffset=2&_count=2");

    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(response.body()).contains("The search page link has expired or is not valid");
  }

  private String nextLink(HttpResponse<String> response) {
    Bundle bundle = client.parse(Bundle.class, response.body());
    assertThat(bundle.getLink("next")).as("next link").isNotNull();
    return bundle.getLink("next").getUrl();
  }
}
