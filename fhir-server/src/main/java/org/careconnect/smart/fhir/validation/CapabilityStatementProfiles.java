package org.careconnect.smart.fhir.validation;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.careconnect.smart.fhir.server.EveryFaceInterceptor;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.springframework.stereotype.Component;

/**
 * Declares in the CapabilityStatement the Care Connect profile each resource type is validated
 * against: {@code rest.resource.profile} ("the profile that describes the solution's overall
 * support for the resource", FHIR STU3 §CapabilityStatement) and, once each, in {@code profile}
 * (the use cases the system supports). Only types the server serves are listed.
 */
@Component
@Interceptor
class CapabilityStatementProfiles implements EveryFaceInterceptor {

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void addProfiles(IBaseConformance generated) {
    if (!(generated instanceof CapabilityStatement statement)) {
      return;
    }
    for (CapabilityStatementRestComponent rest : statement.getRest()) {
      for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
        String profile = CareConnectProfiles.of(resource.getType());
        if (profile != null) {
          resource.setProfile(new Reference(profile));
          if (statement.getProfile().stream().noneMatch(listed -> profile.equals(listed.getReference()))) {
            statement.addProfile(new Reference(profile));
          }
        }
      }
    }
  }
}
