package org.careconnect.smart.auth.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The two kinds of signing key, one of each signing at any time (docs/decisions/0018).
 *
 * <ul>
 *   <li>{@link #ACCESS_TOKENS}: ES256 on P-256. Every FHIR request carries the access token, and
 *       the FHIR server's web server reads, decodes and hashes it byte by byte; an ES256
 *       signature is 86 characters where RS256's is 342, so a token is about a third shorter.
 *   <li>{@link #ID_TOKENS}: RS256, the one algorithm every OpenID Connect relying party must
 *       accept (OpenID Connect Core §15.1); also what the authorisation server's own service
 *       token and any other JWT it signs default to.
 * </ul>
 *
 * A stored key's family is the {@code alg} of its public JWK, which every key generated here pins.
 */
enum SigningFamily {
  ACCESS_TOKENS(
      JWSAlgorithm.ES256,
      () -> new ECKeyGenerator(Curve.P_256),
      (publicKey, privateKey) ->
          new ECKey.Builder(publicKey.toECKey()).privateKey((ECPrivateKey) privateKey).build()),
  ID_TOKENS(
      JWSAlgorithm.RS256,
      () -> new RSAKeyGenerator(2048),
      (publicKey, privateKey) ->
          new RSAKey.Builder(publicKey.toRSAKey()).privateKey((RSAPrivateKey) privateKey).build());

  private final JWSAlgorithm algorithm;
  private final Supplier<JWKGenerator<? extends JWK>> generator;
  private final BiFunction<JWK, PrivateKey, JWK> withPrivatePart;

  SigningFamily(
      JWSAlgorithm algorithm,
      Supplier<JWKGenerator<? extends JWK>> generator,
      BiFunction<JWK, PrivateKey, JWK> withPrivatePart) {
    this.algorithm = algorithm;
    this.generator = generator;
    this.withPrivatePart = withPrivatePart;
  }

  JWSAlgorithm algorithm() {
    return algorithm;
  }

  /** A new key pair of this family, with a random kid, its use and algorithm pinned. */
  JWK generate() throws JOSEException {
    return generator.get()
        .keyID(UUID.randomUUID().toString())
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(algorithm)
        .generate();
  }

  /**
   * The full key from its stored public JWK and (opened) PKCS#8 private key; the key factory is
   * named by the JWK's key type ({@code EC}, {@code RSA}).
   */
  JWK withPrivatePart(JWK publicKey, byte[] pkcs8) throws GeneralSecurityException {
    KeyFactory keys = KeyFactory.getInstance(publicKey.getKeyType().getValue());
    return withPrivatePart.apply(publicKey, keys.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
  }

  static byte[] privateKeyBytes(JWK key) throws JOSEException {
    return ((AsymmetricJWK) key).toPrivateKey().getEncoded();
  }

  /** The family a stored public key belongs to; empty for a key no family here signs with. */
  static Optional<SigningFamily> of(JWK publicKey) {
    return Arrays.stream(values())
        .filter(family -> family.algorithm.equals(publicKey.getAlgorithm()))
        .findFirst();
  }
}
