package org.careconnect.smart.auth.discovery;

import java.util.List;

/**
 * The scopes this server advertises ({@code scopes_supported}, SMART 2.2 §conformance): in the
 * SMART configuration and in the admin API's scope list.
 */
public final class SupportedScopes {

  public static final List<String> SCOPES_SUPPORTED =
      List.of(
          "openid",
          "fhirUser",
          "profile",
          "launch",
          "launch/patient",
          "launch/encounter",
          "offline_access",
          "online_access",
          "patient/*.read",
          "patient/*.rs",
          "user/*.read",
          "user/*.rs",
          "user/*.cruds",
          "system/*.rs");

  private SupportedScopes() {}
}
