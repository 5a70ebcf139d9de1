package org.careconnect.smart.launcher.fhir;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.springframework.core.io.Resource;

/**
 * The launcher's private_key_jwt client assertion (RFC 7523 §3, SMART 2.2 §backend services):
 * RS384, {@code iss} = {@code sub} = client id, {@code aud} = the token endpoint, five minutes at
 * most, a fresh {@code jti} each time (the server refuses a replay).
 */
final class ClientAssertion {

  private final String clientId;
  private final String keyId;
  private final PrivateKey key;

  ClientAssertion(String clientId, String keyId, Resource pem) {
    this.clientId = clientId;
    this.keyId = keyId;
    this.key = load(pem);
  }

  String sign(String tokenEndpoint) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(clientId)
            .audience(tokenEndpoint)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(240)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign the client assertion", e);
    }
    return jwt.serialize();
  }

  /** A PKCS#8 PEM; text before the BEGIN line (the DEMO ONLY label) is ignored. */
  private static PrivateKey load(Resource pem) {
    try {
      String text = pem.getContentAsString(StandardCharsets.US_ASCII);
      int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
      int end = text.indexOf("-----END PRIVATE KEY-----");
      if (begin < 0 || end < 0) {
        throw new IllegalStateException("The launcher's private key " + pem + " is not a PKCS#8 PEM");
      }
      byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the launcher's private key " + pem, e);
    }
  }
}
