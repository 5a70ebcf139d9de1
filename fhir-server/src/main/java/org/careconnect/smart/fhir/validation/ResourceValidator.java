package org.careconnect.smart.fhir.validation;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Checks a resource before it is written: every create and update, alone or in a Bundle. */
public interface ResourceValidator {

  /**
   * @throws UnprocessableEntityException (422) with an OperationOutcome naming each element and
   *     rule broken, when the resource does not conform to the Care Connect profile of its type
   */
  void requireValid(IBaseResource resource);
}
