package org.careconnect.smart.auth.picker;

import java.util.Optional;

/**
 * The seam for the credential the patient picker presents to the FHIR server. Today the FHIR
 * server needs none ({@link #NONE}); once it enforces tokens, a bean of this type that obtains a
 * client-credentials token (SMART Backend Services) replaces the default, and nothing else in
 * the picker changes.
 */
@FunctionalInterface
public interface FhirServiceToken {

  FhirServiceToken NONE = Optional::empty;

  /** A bearer token for the next FHIR request, or empty to send none. */
  Optional<String> bearerToken();
}
