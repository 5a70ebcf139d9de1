package org.careconnect.smart.fhir.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.careconnect.smart.fhir.support.SearchApi;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reads and searches answered from each version's cached JSON say exactly what HAPI's encoder
 * says. The comparison is with {@code _pretty=false}: the same plain JSON, but a request this
 * server always leaves to HAPI's encoder (any {@code _pretty} does).
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredJsonResponsesTest {

  @LocalServerPort int port;
  final String name = FhirTestClient.unique("Stored json");
  SearchApi api;
  FhirTestClient client;
  /** A parent Organization, and a child whose partOf names it with this server's absolute URL. */
  String parent;
  String child;

  @BeforeAll
  void storeAParentAndAChildOrganization() {
    api = new SearchApi(port);
    client = api.client();
    parent = api.post(organization(name + " parent", null));
    // HAPI answers an absolute reference to this server relative to the base.
    String absoluteParent = client.base() + "/Organization/" + parent;
    child = api.post(organization(name + " child", absoluteParent));
  }

  @Test
  void readAndVreadAreTheSameTextAndHeadersAsHapisEncoding() {
    for (String path : new String[] {"Organization/" + child, "Organization/" + child + "/_history/1"}) {
      HttpResponse<String> cached = client.get(path);
      HttpResponse<String> encoded = client.get(path + "?_pretty=false");

      assertThat(cached.statusCode()).isEqualTo(200);
      assertThat(cached.body()).isEqualTo(encoded.body());
      for (String header : new String[] {"ETag", "Last-Modified", "Content-Type", "Content-Location"}) {
        assertThat(cached.headers().firstValue(header)).as(header).isEqualTo(encoded.headers().firstValue(header));
      }
    }
    assertThat(client.get("Organization/" + child).body()).contains("\"reference\":\"Organization/" + parent + "\"");
  }

  @Test
  void searchEntriesWithIncludesAreTheSameTextAsHapisEncoding() {
    String search = "Organization?name=" + URLEncoder.encode(name + " child", StandardCharsets.UTF_8)
        + "&_include=Organization:partof";
    // Twice: the first answer fills the cache, the second is served from it.
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> cached = client.get(search);
      HttpResponse<String> encoded = client.get(search + "&_pretty=false");

      assertThat(entries(cached.body())).isEqualTo(entries(encoded.body()));
      Bundle bundle = client.parse(Bundle.class, cached.body());
      assertThat(bundle.getEntry()).hasSize(2);
      assertThat(bundle.getTotal()).isEqualTo(1);
    }
  }

  /** The parser does not look for resources to contain (FhirContextConfiguration): none is lost. */
  @Test
  void containedResourcesAndTheirLocalReferencesAreKept() {
    Organization withContained = organization(name + " with contained", "#head-office");
    withContained.addContained(new Organization().setName(name + " head office").setId("head-office"));
    String id = api.post(withContained);
    String search = "Organization?name=" + URLEncoder.encode(name + " with contained", StandardCharsets.UTF_8);

    for (String path : new String[] {"Organization/" + id, search}) {
      for (int i = 0; i < 2; i++) {
        String body = client.get(path).body();
        assertThat(body).contains("\"contained\":[{\"resourceType\":\"Organization\",\"id\":\"head-office\"")
            .contains(name + " head office").contains("\"partOf\":{\"reference\":\"#head-office\"}");
        String encoded = client.get(path + (path.contains("?") ? "&" : "?") + "_pretty=false").body();
        assertThat(path.contains("?") ? entries(body) : body).isEqualTo(path.contains("?") ? entries(encoded) : encoded);
      }
    }
  }

  @Test
  void xmlSummaryAndElementsAreStillHapisOwn() {
    String read = "Organization/" + child;

    assertThat(client.get(read + "?_format=xml").body()).startsWith("<Organization").contains(name + " child");
    assertThat(client.get(read + "?_summary=true").body()).contains("SUBSETTED").doesNotContain("telecom");
    assertThat(client.get(read + "?_elements=name").body()).contains("SUBSETTED").doesNotContain("partOf");
    assertThat(client.get(read, "Accept", "application/fhir+json; pretty=true").body()).contains("\n");
    String search = "Organization?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    assertThat(client.get(search + "&_summary=true").body()).contains("SUBSETTED");
    assertThat(client.get(search + "&_format=xml").body()).startsWith("<Bundle").contains(name + " child");
  }

  @Test
  void anUpdateIsServedAsItsNewVersion() {
    Organization changed = organization(name + " parent renamed", null);
    changed.setId(parent);
    api.put(changed);

    assertThat(client.get("Organization/" + parent).body())
        .contains(name + " parent renamed").contains("\"versionId\":\"2\"");
  }

  private static String entries(String bundle) {
    return bundle.substring(bundle.indexOf("\"entry\":"));
  }

  private static Organization organization(String name, String partOf) {
    Organization organization = new Organization();
    organization.setName(name);
    organization.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("0113 243 3144");
    if (partOf != null) {
      organization.setPartOf(new Reference(partOf));
    }
    return organization;
  }
}
