package org.careconnect.smart.fhir.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test authorisation server in miniature: an RSA key and an EC (P-256) key, their JWKS served
 * over HTTP, and tokens signed with them (or deliberately broken), for the cryptographic edge
 * cases. Public for the
 * other features' tests that need a token (audit).
 */
public final class TestTokens {

  public static final String ISSUER = "https://auth.example.test";
  public static final String AUDIENCE = "https://fhir.example.test/fhir/STU3";

  private static TestTokens shared;

  final RSAKey key;
  final ECKey ecKey;
  final RSAKey stranger;
  final HttpServer jwks;
  private final AtomicInteger jwksFetches = new AtomicInteger();

  private TestTokens() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("test-key").generate();
    // pinned to ES256 like our authorisation server's access-token key
    ecKey = new ECKeyGenerator(Curve.P_256).keyID("test-ec-key").algorithm(JWSAlgorithm.ES256).generate();
    stranger = new RSAKeyGenerator(2048).keyID("unknown-key").generate();
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    JWKSet published = new JWKSet(List.of(key.toPublicJWK(), ecKey.toPublicJWK()));
    byte[] body = published.toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext("/jwks", exchange -> {
      jwksFetches.incrementAndGet();
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

  /** How often the JWKS has been fetched, by any server or verifier of this JVM. */
  int jwksFetches() {
    return jwksFetches.get();
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

  /** ES256 with the EC key, as our authorisation server signs access tokens; {@code kid} as given. */
  String signEs256(String kid, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(
          new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new ECDSASigner(ecKey));
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
    return withPayload(sign(original), forged);
  }

  /** A signed token with its payload swapped for another one, header and signature kept. */
  static String withPayload(String token, JWTClaimsSet forged) {
    String[] parts = token.split("\\.");
    String payload = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(forged.toString().getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + payload + "." + parts[2];
  }
}
