package org.careconnect.smart.fhir.search;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splitting of FHIR query strings and of their values, with FHIR's backslash escapes. */
final class QueryStrings {

  private QueryStrings() {}

  /** {@code a=1&b=2&a=3} into {a:[1,3], b:[2]}, in the order first seen. */
  static Map<String, String[]> parse(String queryString) {
    Map<String, List<String>> collected = new LinkedHashMap<>();
    String query = queryString == null ? "" : queryString;
    if (query.startsWith("?")) {
      query = query.substring(1);
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      collected.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    Map<String, String[]> result = new LinkedHashMap<>();
    collected.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
    return result;
  }

  /** The values of one parameter that are OR'ed: split on commas not escaped by a backslash. */
  static List<String> splitOr(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        current.append(c).append(value.charAt(++i));
      } else if (c == ',') {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts.stream().filter(p -> !p.isEmpty()).toList();
  }

  static int indexOfUnescaped(String value, char wanted) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** Removes FHIR's escapes: {@code \,} {@code \|} {@code \$} {@code \\}. */
  static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        out.append(value.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException(
          "Malformed percent-encoding in query string");
    }
  }
}
