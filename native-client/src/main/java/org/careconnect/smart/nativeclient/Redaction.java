package org.careconnect.smart.nativeclient;

/**
 * Tokens are bearer credentials (RFC 6750 §5.3): whoever sees one can use it. Output shows only
 * enough of one to tell two apart.
 */
final class Redaction {

  private static final int SHOWN = 12;

  private Redaction() {}

  static String truncate(String token) {
    if (token == null) {
      return "(none)";
    }
    if (token.length() <= SHOWN * 2) {
      return "…(" + token.length() + " chars)";
    }
    return token.substring(0, SHOWN) + "…(" + token.length() + " chars)";
  }
}
