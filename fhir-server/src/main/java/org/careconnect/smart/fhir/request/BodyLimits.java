package org.careconnect.smart.fhir.request;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/** Limits on the shape of a request body, beyond its size. */
final class BodyLimits {

  /**
   * The deepest nesting of JSON objects and arrays, or of XML elements, accepted. Why: parsing,
   * validating, indexing and encoding a resource all recurse over its structure, so a few KB of
   * nested brackets or extensions could otherwise end in a StackOverflowError. Real resources,
   * even a transaction Bundle of Questionnaires, stay far below 100 levels.
   */
  static final int MAX_DEPTH = 100;

  private BodyLimits() {}

  static InvalidRequestException tooDeep(String format, int maxDepth, String where) {
    return new InvalidRequestException(
        "The " + format + " body nests deeper than " + maxDepth + " levels" + where
            + "; this server accepts at most " + maxDepth);
  }
}
