package org.careconnect.smart.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Enumerations;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Validates resources against the Care Connect STU3 profile of their type with HAPI's instance
 * validator ({@link CareConnectValidatorFactory}), plus the NHS number check digit rule, less the
 * three waived profile defects ({@link KnownProfileDefects}). Every create and update goes
 * through {@link #requireValid}; {@code $validate} and tests use {@link #validate}.
 */
@Component
public class CareConnectValidator implements ResourceValidator {

  private final FhirContext fhirContext;
  private final BackgroundWarmUp<FhirValidator> validator;
  private final MeterRegistry meters;

  CareConnectValidator(FhirContext fhirContext, CareConnectDefinitions definitions, MeterRegistry meters) {
    this.fhirContext = fhirContext;
    this.meters = meters;
    this.validator =
        BackgroundWarmUp.prepare(
            "Care Connect validator",
            () -> warm(CareConnectValidatorFactory.build(fhirContext, definitions)));
  }

  /**
   * The warm-up starts once the server is ready, not while it starts: on two cores it would take
   * one from the start-up, which has to reach ready within 10 s (issue 2). A write that comes
   * earlier starts it and waits for it.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void warmUpOnceReady() {
    validator.begin();
  }

  /**
   * Validates against the Care Connect profile of the resource's type (base STU3 when the type
   * has none), whatever its {@code meta.profile} claims. Never throws for an invalid resource:
   * the result holds every error, warning and waived message (as information).
   */
  public ValidationResult validate(IBaseResource resource) {
    return validate(resource, CareConnectProfiles.of(fhirContext.getResourceType(resource)));
  }

  /** Validates against {@code profile} (a bundled profile URL; null: base STU3 only). */
  public ValidationResult validate(IBaseResource resource, String profile) {
    ValidationOptions options = new ValidationOptions().addProfileIfNotBlank(profile);
    ValidationResult raw = validator.get().validateWithResult(withoutClaimedProfiles(resource), options);
    List<SingleValidationMessage> messages = new ArrayList<>();
    for (SingleValidationMessage message : raw.getMessages()) {
      messages.add(waived(profile, message).orElse(message));
    }
    return new ValidationResult(fhirContext, messages);
  }

  /** The result as an OperationOutcome naming, per issue, the element and the rule broken. */
  public OperationOutcome toOperationOutcome(ValidationResult result) {
    return ValidationOutcomes.toOperationOutcome(result);
  }

  @Override
  public void requireValid(IBaseResource resource) {
    ValidationResult result = validate(resource);
    if (!result.isSuccessful()) {
      String type = fhirContext.getResourceType(resource);
      // by type only: which profile writers most often get wrong
      meters.counter("careconnect.fhir.validation.failures", "resource_type", type).increment();
      long errors = result.getMessages().stream().filter(CareConnectValidator::isError).count();
      throw new UnprocessableEntityException(
          type + " does not conform to " + Optional.ofNullable(CareConnectProfiles.of(type)).orElse("FHIR STU3")
              + " (" + errors + (errors == 1 ? " error" : " errors") + ")",
          toOperationOutcome(result));
    }
  }

  /** How long the start-up warm-up took; empty while it is still running. */
  public Optional<Duration> warmUpTime() {
    return Optional.ofNullable(validator.took());
  }

  static boolean isError(SingleValidationMessage message) {
    return message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL;
  }

  /**
   * The profile is chosen by the server, not by the resource: claims in {@code meta.profile} are
   * dropped from the copy validated, so that a resource cannot escape its Care Connect profile,
   * nor fail on a profile this server does not hold.
   */
  private static IBaseResource withoutClaimedProfiles(IBaseResource resource) {
    if (resource instanceof Resource dstu3 && dstu3.hasMeta() && dstu3.getMeta().hasProfile()) {
      Resource copy = dstu3.copy();
      copy.getMeta().getProfile().clear();
      return copy;
    }
    return resource;
  }

  /** A waived defect stays visible, as information naming the waiver. */
  private static Optional<SingleValidationMessage> waived(String profile, SingleValidationMessage message) {
    return KnownProfileDefects.waiverFor(profile, message)
        .map(waiver -> {
          SingleValidationMessage information = new SingleValidationMessage(message);
          information.setSeverity(ResultSeverityEnum.INFORMATION);
          information.setMessage("Waived known profile defect (" + waiver.reason() + "): " + message.getMessage());
          return information;
        });
  }

  /**
   * Validating one empty instance of every profiled type loads the base definitions and the Care
   * Connect profiles; a coded Patient makes HAPI load the base value sets and code systems (which
   * it otherwise reads on the first coded resource). The first real write is then as fast as any.
   */
  private FhirValidator warm(FhirValidator built) {
    for (String type : CareConnectProfiles.all().keySet()) {
      IBaseResource empty = fhirContext.getResourceDefinition(type).newInstance();
      built.validateWithResult(empty, new ValidationOptions().addProfile(CareConnectProfiles.of(type)));
    }
    Patient coded = new Patient();
    coded.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Warm-up");
    coded.setGender(Enumerations.AdministrativeGender.UNKNOWN);
    coded.setMaritalStatus(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/v3/MaritalStatus", "U", "unmarried")));
    built.validateWithResult(coded, new ValidationOptions().addProfile(CareConnectProfiles.of("Patient")));
    return built;
  }
}
