package org.careconnect.smart.fhir.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * A test authorisation server in miniature: an RSA key, its JWKS served over HTTP, and tokens
 * signed with it (or deliberately broken), for the cryptographic edge cases. Public for the
 * other features' tests that need a token (audit).
 */
public final class TestTokens {

  public static final String ISSUER = "https://auth.example.test";
  public static final String AUDIENCE = "https://fhir.example.test/fhir/STU3";

  private static TestTokens shared;

  final RSAKey key;
  final RSAKey stranger;
  final HttpServer jwks;

  private TestTokens() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("test-key").generate();
    stranger = new RSAKeyGenerator(2048).keyID("unknown-key").generate();
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext("/jwks", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    jwks.start();
  }

  /** One key and JWKS server per test JVM. */
  public static synchronized TestTokens shared() {
    if (shared == null) {
      try {
        shared = new TestTokens();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return shared;
  }

  public String jwksUri() {
    return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks";
  }

  public static JWTClaimsSet.Builder claims(String scope) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER).audience(AUDIENCE).subject("user-1").claim("client_id", "test-app")
        .jwtID(UUID.randomUUID().toString()).claim("scope", scope)
        .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)));
  }

  public String patientToken(String patient, String scope) {
    return sign(claims(scope).claim("patient", patient).build());
  }

  public String sign(JWTClaimsSet claims) {
    return sign(key, claims);
  }

  static String sign(RSAKey with, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(
          new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new RSASSASigner(with));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  /** The classic confusion attack: HS256 with the server's public key as the HMAC secret. */
  String hmacWithPublicKey(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid token whose payload is then swapped for another one: the signature no longer fits. */
  String tampered(JWTClaimsSet original, JWTClaimsSet forged) {
    String[] parts = sign(original).split("\\.");
    String payload = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(forged.toString().getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + payload + "." + parts[2];
  }
}
