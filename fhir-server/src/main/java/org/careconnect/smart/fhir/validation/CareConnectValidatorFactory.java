package org.careconnect.smart.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.dstu3.model.ConceptMap;

/** Builds HAPI's instance validator over base STU3 plus the bundled Care Connect definitions. */
final class CareConnectValidatorFactory {

  private CareConnectValidatorFactory() {}

  static FhirValidator build(FhirContext fhirContext, CareConnectDefinitions definitions) {
    PrePopulatedValidationSupport careConnect = new PrePopulatedValidationSupport(fhirContext);
    definitions.all().stream()
        // ConceptMaps are shipped for clients; the validator has no use for them.
        .filter(resource -> !(resource instanceof ConceptMap))
        .forEach(careConnect::addResource);

    // No terminology server: SNOMED CT, dm+d, READ and other code systems we cannot expand must
    // not make valid resources fail, so a code from an unknown system is a warning, not an error.
    UnknownCodeSystemWarningValidationSupport unknownCodeSystems =
        new UnknownCodeSystemWarningValidationSupport(fhirContext);
    unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);

    ValidationSupportChain chain =
        new ValidationSupportChain(
            LeanDefinitions.load(fhirContext),
            careConnect,
            new CommonCodeSystemsTerminologyService(fhirContext),
            new UncheckableCodeSystems(fhirContext),
            new InMemoryTerminologyServerValidationSupport(fhirContext),
            new SnapshotGeneratingValidationSupport(fhirContext),
            unknownCodeSystems);

    FhirValidator validator = fhirContext.newValidator();
    validator.setValidateAgainstStandardSchema(false);
    validator.setValidateAgainstStandardSchematron(false);
    validator.registerValidatorModule(new FhirInstanceValidator(chain));
    validator.registerValidatorModule(new NhsNumberRule());
    return validator;
  }
}
