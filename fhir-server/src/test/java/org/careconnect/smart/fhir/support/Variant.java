package org.careconnect.smart.fhir.support;

import java.util.UUID;
import org.careconnect.smart.fhir.validation.NhsNumber;

/**
 * One of two distinguishable sets of test data, {@link #a()} and {@link #b()}: every searchable
 * element of a fixture built from A differs from the one built from B, so a search that finds the
 * A resource and not the B one proves the parameter reads that element. Ids are unique per
 * instance, so fixtures never collide with other tests' data.
 */
public record Variant(boolean isA, String key) {

  public static Variant a() {
    return new Variant(true, UUID.randomUUID().toString().substring(0, 8) + "a");
  }

  public static Variant b() {
    return new Variant(false, UUID.randomUUID().toString().substring(0, 8) + "b");
  }

  /** The A value or the B value. */
  public <X> X pick(X a, X b) {
    return isA ? a : b;
  }

  /** A logical id unique to this variant, e.g. {@code patient-1a2b3c4da}. */
  public String id(String type) {
    return type.toLowerCase() + "-" + key;
  }

  /** A relative reference {@code Type/id} to {@link #id(String)}. */
  public String ref(String type) {
    return type + "/" + id(type);
  }

  /** An identifier value unique to this variant and kind. */
  public String identifier(String kind) {
    return kind + "-" + key;
  }

  /** The variant's NHS number: valid (Modulus 11 check digit) and derived from its key. */
  public String nhsNumber() {
    long seed = Integer.toUnsignedLong(key.hashCode());
    while (true) {
      String stem = String.format("9%08d", seed % 100_000_000L);
      Integer check = NhsNumber.checkDigit(stem);
      if (check != null) {
        return stem + check;
      }
      seed++;
    }
  }
}
