package org.careconnect.smart.auth.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.AuthServerApplication;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile's launcher client, as the README tells a newcomer to use it: {@code
 * smart-launcher} registers an EHR launch of the demo {@code sample-app}, and the demo clinician's
 * authorization ends with the launch context in the token response.
 */
@SpringBootTest(
    classes = AuthServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:launch-demo;MODE=MySQL;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "demo"})
class LauncherDemoClientTest {

  @LocalServerPort int port;
  @Autowired RegisteredClientRepository clients;

  @Test
  void demoLauncherWhenItRegistersALaunchForTheSampleAppThenTheDemoClinicianGetsItsContext() {
    Browser browser = new Browser(port);
    HttpResponse<String> registered =
        browser.send(
            HttpRequest.newBuilder(URI.create(browser.base() + "/api/launch"))
                .header("Authorization", SmartFlow.basic("smart-launcher", "launcher-demo-secret"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"client_id\":\"sample-app\",\"patient\":\"demo-pat-1\","
                            + "\"user\":\"Practitioner/demo-prac-1-1\",\"need_patient_banner\":true}"))
                .build());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

    SmartFlow flow = new SmartFlow(browser, clients.findByClientId("sample-app"));
    Map<String, String> request = flow.request("openid fhirUser launch patient/*.rs");
    request.put("launch", (String) SmartFlow.json(registered).get("launch"));
    assertThat(browser.login("clinician", "clinician-demo-password").statusCode()).isEqualTo(302);
    HttpResponse<String> toApp =
        flow.consent(
            Browser.location(flow.authorize(request)),
            List.of("openid", "fhirUser", "launch", "patient/*.rs"),
            false);

    String code = Browser.query(Browser.location(toApp)).get("code");
    assertThat(SmartFlow.json(flow.exchange(code)))
        .containsEntry("patient", "demo-pat-1")
        .containsEntry("need_patient_banner", true);
  }

  @Test
  void demoLauncherWhenCreatedThenAllowedOnlyTheLaunchApiScope() {
    assertThat(clients.findByClientId("smart-launcher").getScopes()).containsExactly("careconnect/launch");
  }
}
