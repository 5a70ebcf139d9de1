package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.careconnect.smart.fhir.server.FhirServerInterceptor;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.UriType;
import org.hl7.fhir.instance.model.api.IBaseConformance;

/**
 * Declares the SMART security of the API in the CapabilityStatement's {@code rest.security}
 * (SMART App Launch 1.0 "Conformance", still read by STU3 clients): the SMART-on-FHIR service
 * coding and the {@code oauth-uris} extension with the authorisation server's endpoints.
 */
@Interceptor
class SmartCapabilityStatement implements FhirServerInterceptor {

  static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

  private final String issuer;

  SmartCapabilityStatement(String issuer) {
    this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void declareSecurity(IBaseConformance generated) {
    if (!(generated instanceof CapabilityStatement statement)) {
      return;
    }
    Extension uris = new Extension(OAUTH_URIS);
    uris.addExtension("authorize", new UriType(issuer + "/oauth2/authorize"));
    uris.addExtension("token", new UriType(issuer + "/oauth2/token"));
    uris.addExtension("introspect", new UriType(issuer + "/oauth2/introspect"));
    uris.addExtension("revoke", new UriType(issuer + "/oauth2/revoke"));
    uris.addExtension("register", new UriType(issuer + "/connect/register"));
    for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
      CapabilityStatement.CapabilityStatementRestSecurityComponent security = rest.getSecurity();
      security.setCors(true);
      CodeableConcept service = new CodeableConcept().setText("OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)");
      service.addCoding().setSystem("http://hl7.org/fhir/restful-security-service").setCode("SMART-on-FHIR");
      security.addService(service);
      security.addExtension(uris.copy());
    }
  }
}
