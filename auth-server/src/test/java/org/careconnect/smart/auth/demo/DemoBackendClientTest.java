package org.careconnect.smart.auth.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.careconnect.smart.auth.client.ClientAssertions;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The backend-services demo client: in the demo profile its committed private key gets a token
 * (what scripts/backend-token.sh does); outside it, its key is refused like other demo secrets.
 */
class DemoBackendClientTest {

  @Test
  void tokenWhenDemoProfileAndAssertionSignedWithThePublishedDemoKeyThenIssued() throws Exception {
    try (ConfigurableApplicationContext server = DemoProfileTest.start("test", "demo")) {
      RSAKey demoKey = demoKey();
      String assertion =
          ClientAssertions.sign(
              demoKey,
              JWSAlgorithm.RS384,
              ClientAssertions.claims("careconnect-backend", "http://localhost:9000/oauth2/token")
                  .build());
      HttpResponse<String> response =
          new Browser(DemoProfileTest.port(server)).post("/oauth2/token", ClientAssertions.tokenRequest(assertion, "system/*.rs"));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(SmartFlow.json(response)).containsEntry("scope", "system/*.rs");
    }
  }

  @Test
  void refusesToStartWhenDemoBackendKeyConfiguredOutsideDemoProfile() {
    assertThatThrownBy(
            () ->
                DemoProfileTest.start(
                        "test",
                        "--careconnect.auth.demo.backend-client-jwks=classpath:demo/careconnect-backend.jwks.json")
                    .close())
        .rootCause()
        .hasMessage(
            "Refusing to start: demo credentials are configured outside the demo profile:"
                + " [careconnect.auth.demo.backend-client-jwks]. Remove them, or run with"
                + " SPRING_PROFILES_ACTIVE=demo.");
  }

  /** The committed PKCS#8 PEM (after its DEMO ONLY label) with the public half from the JWKS. */
  static RSAKey demoKey() throws Exception {
    String pem = resource("demo/careconnect-backend.DEMO-ONLY.private-key.pem");
    String base64 =
        pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"))
            .replaceAll("\\s", "");
    RSAPrivateKey privateKey =
        (RSAPrivateKey)
            KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    RSAKey publicJwk = (RSAKey) JWKSet.parse(resource("demo/careconnect-backend.jwks.json")).getKeys().get(0);
    return new RSAKey.Builder((RSAPublicKey) publicJwk.toPublicKey())
        .privateKey(privateKey)
        .keyID(publicJwk.getKeyID())
        .build();
  }

  private static String resource(String path) throws Exception {
    try (InputStream in = DemoBackendClientTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
