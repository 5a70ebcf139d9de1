package org.careconnect.smart.auth.picker;

import java.util.Optional;

/**
 * The seam for the credential the patient picker presents to the FHIR server. The FHIR server
 * enforces tokens: the bean is {@link SelfIssuedServiceToken}, a short-lived token this server
 * issues to itself. {@link #NONE} sends no credential (tests of servers without enforcement).
 */
@FunctionalInterface
public interface FhirServiceToken {

  FhirServiceToken NONE = Optional::empty;

  /** A bearer token for the next FHIR request, or empty to send none. */
  Optional<String> bearerToken();
}
