package org.careconnect.smart.cluster.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A SMART backend-services client of the test's own (client_credentials, private_key_jwt RS384,
 * a key generated here), registered by the demo admin through the admin API, allowed to read and
 * write everything: the write load needs {@code system/*.cud}, which no demo client has.
 */
public final class BackendClient {

  public static final String CLIENT_ID = "cluster-writer";
  public static final String SCOPE = "system/*.rs system/*.cud";
  private static final String ADMIN = "admin:admin-demo-password";

  private final HttpClient http;
  private final RSAKey key;
  private final String tokenEndpoint;

  private BackendClient(HttpClient http, RSAKey key, String issuer) {
    this.http = http;
    this.key = key;
    this.tokenEndpoint = issuer + "/oauth2/token";
  }

  /** Registers the client on {@code adminOrigin} (any node: clients live in the database). */
  public static BackendClient register(String issuer, String adminOrigin) throws JOSEException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    String body = """
        {"client_id": "%s", "token_endpoint_auth_method": "private_key_jwt", "scope": "%s",
         "jwks": {"keys": [%s]}, "access_token_lifetime": 300}
        """.formatted(CLIENT_ID, SCOPE, key.toPublicJWK().toJSONString());
    HttpResponse<String> created = send(http, HttpRequest.newBuilder(URI.create(adminOrigin + "/api/admin/clients"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    if (created.statusCode() != 201) {
      throw new AssertionError("Admin API refused the test client: " + created.statusCode() + " " + created.body());
    }
    return new BackendClient(http, key, issuer);
  }

  /** A fresh client assertion (new jti, exp in four minutes) for the issuer's token endpoint. */
  public String assertion() {
    try {
      JWTClaimsSet claims = new JWTClaimsSet.Builder()
          .issuer(CLIENT_ID).subject(CLIENT_ID).audience(tokenEndpoint)
          .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(4))))
          .jwtID(UUID.randomUUID().toString())
          .build();
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** POST {origin}/oauth2/token, client_credentials with this assertion. */
  public HttpResponse<String> tokenResponse(String origin, String assertion) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("scope", SCOPE);
    form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    form.put("client_assertion", assertion);
    return send(http, HttpRequest.newBuilder(URI.create(origin + "/oauth2/token"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(Browser.form(form))).build());
  }

  /** An access token from the node (or nginx) at {@code origin}. */
  public String token(String origin) {
    HttpResponse<String> response = tokenResponse(origin, assertion());
    if (response.statusCode() != 200) {
      throw new AssertionError("No token from " + origin + ": " + response.statusCode() + " " + response.body());
    }
    return (String) Browser.json(response).get("access_token");
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
