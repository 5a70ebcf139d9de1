package org.careconnect.smart.fhir.validation;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/** Placeholder until the Care Connect profile validation lands. */
@Component
class CareConnectValidator implements ResourceValidator {
  @Override
  public void requireValid(IBaseResource resource) {}
}
