package org.careconnect.smart.auth.admin;

import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.account.Approvals;
import org.careconnect.smart.auth.account.Approvals.ScopeLine;

/**
 * The scopes this server knows: {@code scopes_supported} of its SMART configuration, and the
 * custom ones only an admin grants. Any SMART scope the grammar accepts may be given to a client
 * (e.g. {@code patient/Observation.rs}); these are the advertised ones, in plain words.
 */
record ScopeCatalog(List<String> supported, List<String> custom) {

  Map<String, List<ScopeLine>> describe() {
    return Map.of(
        "scopes_supported", Approvals.describe(supported),
        "custom_scopes", Approvals.describe(custom));
  }
}
