package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IPagingProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Paging links ({@code _getpages}) that carry their own result set: the {@link PagedResult},
 * its creation time, compressed and signed (HMAC-SHA256) with a key shared through the database.
 * A later page re-runs the result set at its offset, so a search writes nothing, any node serves
 * any page, and a page id cannot be forged or altered. Links expire after
 * {@code careconnect.fhir.page-link-ttl-minutes}. The signature also covers the link's owner
 * ({@link PagingBinding}), so one token's page links are worthless with another.
 *
 * <p>A database-backed session table was tried first: its one INSERT per search serialised
 * every search on H2's commit lock and capped searches at ~450/s on two cores.
 */
@Component
public class SignedPagingProvider implements IPagingProvider {

  private static final int MAC_BYTES = 16;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final ObjectMapper json;
  private final ResultSets resultSets;
  private final FhirServerProperties properties;
  private final Clock clock;
  private final SecretKeySpec key;
  private final PagingBinding binding;

  @Autowired
  SignedPagingProvider(
      ObjectMapper json,
      ResultSets resultSets,
      FhirServerProperties properties,
      Clock storeClock,
      PagingKey pagingKey,
      org.springframework.beans.factory.ObjectProvider<PagingBinding> binding) {
    this(json, resultSets, properties, storeClock, pagingKey.secret(), binding.getIfAvailable(() -> PagingBinding.NONE));
  }

  private SignedPagingProvider(
      ObjectMapper json,
      ResultSets resultSets,
      FhirServerProperties properties,
      Clock clock,
      byte[] secret,
      PagingBinding binding) {
    this.json = json;
    this.resultSets = resultSets;
    this.properties = properties;
    this.clock = clock;
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.binding = binding;
  }

  /**
   * The paging of another face (the open demo face, which takes no token): its links are signed
   * with a key derived for that face from this one, so no face accepts another face's links (410).
   */
  public IPagingProvider forFace(String face) {
    return new SignedPagingProvider(json, resultSets, properties, clock,
        mac(("careconnect paging face " + face).getBytes(java.nio.charset.StandardCharsets.UTF_8), ""),
        PagingBinding.NONE);
  }

  @Override
  public int getDefaultPageSize() {
    return properties.defaultPageSize();
  }

  @Override
  public int getMaximumPageSize() {
    return properties.maxPageSize();
  }

  @Override
  public String storeResultList(RequestDetails request, IBundleProvider result) {
    if (!(result instanceof PagedBundleProvider paged)) {
      return null;
    }
    try {
      byte[] definition = json.writeValueAsBytes(paged.definition());
      byte[] payload = ByteBuffer.allocate(Long.BYTES + definition.length)
          .putLong(clock.millis()).put(definition).array();
      byte[] compressed = deflate(payload);
      byte[] mac = Arrays.copyOf(mac(compressed, binding.of(request)), MAC_BYTES);
      return ENCODER.encodeToString(ByteBuffer.allocate(MAC_BYTES + compressed.length)
          .put(mac).put(compressed).array());
    } catch (IOException e) {
      throw new IllegalStateException("A result set could not be written as JSON", e);
    }
  }

  @Override
  public IBundleProvider retrieveResultList(RequestDetails request, String id) {
    ResourceGoneException unusable = new ResourceGoneException(
        "The search page link has expired or is not valid; run the search again");
    byte[] token;
    try {
      token = DECODER.decode(id);
    } catch (IllegalArgumentException e) {
      throw unusable;
    }
    if (token.length <= MAC_BYTES) {
      throw unusable;
    }
    byte[] compressed = Arrays.copyOfRange(token, MAC_BYTES, token.length);
    byte[] expected = Arrays.copyOf(mac(compressed, binding.of(request)), MAC_BYTES);
    if (!MessageDigest.isEqual(expected, Arrays.copyOf(token, MAC_BYTES))) {
      throw unusable;
    }
    try {
      ByteBuffer payload = ByteBuffer.wrap(inflate(compressed));
      long created = payload.getLong();
      if (clock.millis() - created > properties.pageLinkTtlMinutes() * 60_000L) {
        throw unusable;
      }
      byte[] definition = new byte[payload.remaining()];
      payload.get(definition);
      return resultSets.open(json.readValue(definition, PagedResult.class));
    } catch (IOException | DataFormatException e) {
      throw unusable;
    }
  }

  /** The MAC covers the link's owner too: another caller's link fails the check (410). */
  private byte[] mac(byte[] data, String owner) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(data);
      return mac.doFinal(owner.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
      byte[] buffer = new byte[1024];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** Inflates at most 64 KiB: a valid link never holds more, and a forged one can't get here. */
  private static byte[] inflate(byte[] data) throws DataFormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[1024];
      while (!inflater.finished() && out.size() < 65_536) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("truncated");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }
}
