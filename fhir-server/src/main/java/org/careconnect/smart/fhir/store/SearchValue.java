package org.careconnect.smart.fhir.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One value a search clause may match, typed by the kind of search parameter (FHIR STU3 §3.1.1). */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME)
@JsonSubTypes({
  @JsonSubTypes.Type(SearchValue.Token.class),
  @JsonSubTypes.Type(SearchValue.Text.class),
  @JsonSubTypes.Type(SearchValue.DateRange.class),
  @JsonSubTypes.Type(SearchValue.Ref.class)
})
public sealed interface SearchValue {

  /**
   * A token: {@code code}, {@code system|code}, {@code |code} or {@code system|}.
   *
   * @param system the system to match; null matches any system, "" matches only codes without one
   * @param code the code to match; null matches any code of the system
   */
  record Token(String system, String code) implements SearchValue {}

  /** A string, compared case- and accent-insensitively from its start unless another mode is set. */
  record Text(String value, Match match) implements SearchValue {
    public enum Match {
      STARTS_WITH,
      EXACT,
      CONTAINS
    }
  }

  /**
   * A date with a comparison prefix. The date's precision makes it a range of instants
   * {@code [lowMillis, highMillis]}, both inclusive.
   */
  record DateRange(Prefix prefix, long lowMillis, long highMillis) implements SearchValue {
    /** The STU3 search prefixes for dates. */
    public enum Prefix {
      EQ,
      NE,
      GT,
      LT,
      GE,
      LE,
      SA,
      EB,
      AP
    }
  }

  /**
   * A local reference.
   *
   * @param type the target type; null when the parameter only allows one type or any is allowed
   * @param id the target's logical id
   */
  record Ref(String type, String id) implements SearchValue {}
}
