package org.careconnect.smart.fhir.transaction;

/** The version in a weak ETag: {@code W/"3"} is version 3 (FHIR STU3 http.html#versioning). */
final class EntityTags {

  private EntityTags() {}

  static String version(String etag) {
    String value = etag.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value;
  }

  static String of(String version) {
    return "W/\"" + version + "\"";
  }
}
