package org.careconnect.smart.fhir.support;

import static org.careconnect.smart.fhir.support.Fixture.LOINC;
import static org.careconnect.smart.fhir.support.Fixture.SNOMED;
import static org.careconnect.smart.fhir.support.Fixture.concept;
import static org.careconnect.smart.fhir.support.Fixture.localId;
import static org.careconnect.smart.fhir.support.Fixture.localToken;
import static org.careconnect.smart.fhir.support.Fixture.ref;
import static org.careconnect.smart.fhir.support.Fixture.snomed;

import java.util.List;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceReactionComponent;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Procedure;
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.dstu3.model.Timing;

/**
 * The patient data: each resource refers to its variant's patient ({@code v.ref("Patient")}),
 * encounter, practitioner and so on, so one variant's fixtures form a consistent record.
 */
public final class ClinicalFixtures {

  static final String CONDITION_CATEGORY =
      "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-ConditionCategory-1";

  private ClinicalFixtures() {}

  public static final Fixture ENCOUNTER =
      new Fixture("encounter", "Encounter", ClinicalFixtures::encounter)
          .example("identifier", v -> localToken("encounter", v))
          .example("status", v -> v.pick("finished", "in-progress"))
          .example("class", v -> "http://hl7.org/fhir/v3/ActCode|" + v.pick("AMB", "IMP"))
          .example("type", v -> SNOMED + "|" + v.pick("11429006", "183452005"))
          .example("reason", v -> v.pick("29857009", "267036007"))
          .example("participant-type", v -> v.pick("ATND", "PPRF"))
          .example("date", v -> v.pick("2020-03-05", "2018-07"))
          .example("location-period", v -> v.pick("2020-03-05", "2018-07"))
          .example("patient", v -> v.ref("Patient"))
          .example("subject", v -> v.ref("Patient"))
          .example("participant", v -> v.ref("Practitioner"))
          .example("practitioner", v -> v.ref("Practitioner"))
          .example("location", v -> v.ref("Location"))
          .example("service-provider", v -> v.ref("Organization"))
          .example("part-of", v -> "Encounter/" + v.id("episode-encounter"))
          .example("diagnosis", v -> v.ref("Condition"));

  public static final Fixture OBSERVATION =
      new Fixture("observation", "Observation", ClinicalFixtures::observation)
          .example("identifier", v -> localToken("observation", v))
          .example("status", v -> v.pick("final", "preliminary"))
          .example("category", v -> "http://hl7.org/fhir/observation-category|" + v.pick("vital-signs", "laboratory"))
          .example("code", v -> LOINC + "|" + v.pick("8867-4", "9279-1"))
          .example("component-code", v -> SNOMED + "|" + v.pick("271649006", "271650006"))
          .example("value-concept", v -> SNOMED + "|" + v.pick("373066001", "373067005"))
          .example("date", v -> v.pick("2020-03-05", "2018-07"))
          .example("patient", v -> v.ref("Patient"))
          .example("subject", v -> v.ref("Patient"))
          .example("encounter", v -> v.ref("Encounter"))
          .example("context", v -> v.ref("Encounter"))
          .example("performer", v -> v.ref("Practitioner"))
          .example("based-on", v -> v.ref("MedicationRequest"));

  /** value[x] holds one type at a time: a string here. */
  public static final Fixture OBSERVATION_VALUE_STRING =
      new Fixture("observation-value-string", "Observation",
              v -> observation(v).setValue(new StringType(v.pick("Regular rhythm", "Irregular rhythm"))))
          .example("value-string", v -> v.pick("regular", "irregular"));

  /** value[x] holds one type at a time: a dateTime for A, a Period for B. */
  public static final Fixture OBSERVATION_VALUE_DATE =
      new Fixture("observation-value-date", "Observation",
              v -> observation(v).setValue(v.pick(new DateTimeType("2020-01-15"), period("2018-02-01", "2018-02-10"))))
          .example("value-date", v -> v.pick("2020-01-15", "2018-02"));

  public static final Fixture CONDITION =
      new Fixture("condition", "Condition", ClinicalFixtures::condition)
          .example("identifier", v -> localToken("condition", v))
          .example("clinical-status", v -> v.pick("active", "resolved"))
          .example("verification-status", v -> v.pick("confirmed", "provisional"))
          .example("category", v -> CONDITION_CATEGORY + "|" + v.pick("problem-list-item", "encounter-diagnosis"))
          .example("code", v -> SNOMED + "|" + v.pick("22298006", "38341003"))
          .example("severity", v -> v.pick("24484000", "6736007"))
          .example("body-site", v -> v.pick("80891009", "39607008"))
          .example("evidence", v -> v.pick("29857009", "267036007"))
          .example("onset-date", v -> v.pick("2020-02-01", "2018-05"))
          // An active condition has no abatement (STU3 invariant con-4), so only B has one.
          .example("abatement-date", v -> v.pick(null, "2018-08-01"))
          .example("asserted-date", v -> v.pick("2020-02-03", "2018-05-21"))
          .example("patient", v -> v.ref("Patient"))
          .example("subject", v -> v.ref("Patient"))
          .example("encounter", v -> v.ref("Encounter"))
          .example("context", v -> v.ref("Encounter"))
          .example("asserter", v -> v.ref("Practitioner"));

  /** onset[x] holds one type at a time: a string here. */
  public static final Fixture CONDITION_ONSET_INFO =
      new Fixture("condition-onset-info", "Condition",
              v -> condition(v).setOnset(new StringType(v.pick("In childhood", "After a fall"))))
          .example("onset-info", v -> v.pick("in child", "after"));

  public static final Fixture ALLERGY_INTOLERANCE =
      new Fixture("allergyintolerance", "AllergyIntolerance", ClinicalFixtures::allergyIntolerance)
          .example("identifier", v -> localToken("allergy", v))
          .example("clinical-status", v -> v.pick("active", "resolved"))
          .example("verification-status", v -> v.pick("confirmed", "unconfirmed"))
          .example("type", v -> v.pick("allergy", "intolerance"))
          .example("category", v -> v.pick("medication", "food"))
          .example("criticality", v -> v.pick("low", "high"))
          .example("code", v -> SNOMED + "|" + v.pick("91936005", "91935009"))
          .example("manifestation", v -> v.pick("247472004", "39579001"))
          .example("severity", v -> v.pick("mild", "severe"))
          .example("route", v -> v.pick("26643006", "6064005"))
          .example("date", v -> v.pick("2020-03-05", "2018-07-01"))
          .example("onset", v -> v.pick("2019-12-24", "2017-11-11"))
          .example("last-date", v -> v.pick("2020-03-01", "2018-06-15"))
          .example("patient", v -> v.ref("Patient"))
          .example("asserter", v -> v.ref("Practitioner"))
          .example("recorder", v -> v.ref("Practitioner"));

  public static final Fixture MEDICATION_REQUEST =
      new Fixture("medicationrequest", "MedicationRequest", ClinicalFixtures::medicationRequest)
          .example("identifier", v -> localToken("prescription", v))
          .example("status", v -> v.pick("active", "completed"))
          .example("intent", v -> v.pick("order", "plan"))
          .example("category", v -> v.pick("inpatient", "outpatient"))
          .example("priority", v -> v.pick("routine", "urgent"))
          .example("medication", v -> v.ref("Medication"))
          .example("authoredon", v -> v.pick("2020-03-05", "2018-07-01"))
          .example("date", v -> v.pick("2020-03-06", "2018-07-02"))
          .example("patient", v -> v.ref("Patient"))
          .example("subject", v -> v.ref("Patient"))
          .example("context", v -> v.ref("Encounter"))
          .example("requester", v -> v.ref("Practitioner"))
          .example("intended-dispenser", v -> v.ref("Organization"));


  public static final Fixture MEDICATION_STATEMENT =
      new Fixture("medicationstatement", "MedicationStatement", ClinicalFixtures::medicationStatement)
          .example("identifier", v -> localToken("medication-statement", v))
          .example("status", v -> v.pick("active", "completed"))
          .example("category", v -> v.pick("inpatient", "community"))
          .example("medication", v -> v.ref("Medication"))
          .example("effective", v -> v.pick("2020-03-05", "2018"))
          .example("patient", v -> v.ref("Patient"))
          .example("subject", v -> v.ref("Patient"))
          .example("context", v -> v.ref("Encounter"))
          .example("source", v -> v.ref("Practitioner"))
          .example("part-of", v -> v.ref("Procedure"));


  public static final Fixture IMMUNIZATION =
      new Fixture("immunization", "Immunization", ClinicalFixtures::immunization)
          .example("identifier", v -> localToken("immunization", v))
          .example("status", v -> v.pick("completed", "entered-in-error"))
          .example("vaccine-code", v -> SNOMED + "|" + v.pick("836377006", "836398006"))
          .example("notgiven", v -> v.pick("false", "true"))
          // A given vaccination has reasons, one not given has reasons why not (STU3 imm-1, imm-2).
          .example("reason", v -> v.pick("429060002", null))
          .example("reason-not-given", v -> v.pick(null, "PATOBJ"))
          .example("lot-number", v -> v.pick("AB1234", "CD5678"))
          .example("date", v -> v.pick("2020-10-01", "2018-10-15"))
          // imm-1: a vaccination not given has no reaction either.
          .example("reaction-date", v -> v.pick("2020-10-02", null))
          .example("patient", v -> v.ref("Patient"))
          .example("practitioner", v -> v.ref("Practitioner"))
          .example("location", v -> v.ref("Location"))
          .example("manufacturer", v -> v.ref("Organization"))
          .example("reaction", v -> v.pick(v.ref("Observation"), null));

  public static final Fixture PROCEDURE =
      new Fixture("procedure", "Procedure", ClinicalFixtures::procedure)
          .example("identifier", v -> localToken("procedure", v))
          .example("status", v -> v.pick("completed", "in-progress"))
          .example("category", v -> SNOMED + "|" + v.pick("387713003", "103693007"))
          .example("code", v -> SNOMED + "|" + v.pick("80146002", "73761001"))
          .example("date", v -> v.pick("2020-03-05", "2018-07-01"))
          .example("patient", v -> v.ref("Patient"))
          .example("subject", v -> v.ref("Patient"))
          .example("encounter", v -> v.ref("Encounter"))
          .example("context", v -> v.ref("Encounter"))
          .example("performer", v -> v.ref("Practitioner"))
          .example("location", v -> v.ref("Location"))
          .example("part-of", v -> "Procedure/" + v.id("parent-procedure"))
          .example("based-on", v -> "ProcedureRequest/" + v.id("procedure-request"));

  public static final List<Fixture> ALL =
      List.of(ENCOUNTER, OBSERVATION, OBSERVATION_VALUE_STRING, OBSERVATION_VALUE_DATE, CONDITION,
          CONDITION_ONSET_INFO, ALLERGY_INTOLERANCE, MEDICATION_REQUEST,
          MEDICATION_STATEMENT, IMMUNIZATION, PROCEDURE);

  static Encounter encounter(Variant v) {
    Encounter encounter = new Encounter();
    encounter.addIdentifier(localId("encounter", v));
    encounter.setStatus(v.pick(Encounter.EncounterStatus.FINISHED, Encounter.EncounterStatus.INPROGRESS));
    encounter.setClass_(new Coding("http://hl7.org/fhir/v3/ActCode", v.pick("AMB", "IMP"),
        v.pick("ambulatory", "inpatient encounter")));
    encounter.addType(snomed(v.pick("11429006", "183452005"),
        v.pick("Consultation", "Emergency hospital admission")));
    encounter.addReason(snomed(v.pick("29857009", "267036007"), v.pick("Chest pain", "Dyspnea")));
    encounter.addParticipant()
        .addType(concept("http://hl7.org/fhir/v3/ParticipationType", v.pick("ATND", "PPRF"),
            v.pick("attender", "primary performer")))
        .setIndividual(ref(v.ref("Practitioner")));
    encounter.setPeriod(v.pick(period("2020-03-05T09:00:00Z", "2020-03-05T10:00:00Z"),
        period("2018-07-01T08:00:00Z", "2018-07-03T12:00:00Z")));
    encounter.addLocation().setLocation(ref(v.ref("Location")))
        .setPeriod(v.pick(period("2020-03-05T09:00:00Z", "2020-03-05T09:30:00Z"),
            period("2018-07-01T08:00:00Z", "2018-07-02T08:00:00Z")));
    encounter.setSubject(ref(v.ref("Patient")));
    encounter.setServiceProvider(ref(v.ref("Organization")));
    encounter.setPartOf(ref("Encounter/" + v.id("episode-encounter")));
    encounter.addDiagnosis().setCondition(ref(v.ref("Condition")));
    return encounter;
  }

  static Observation observation(Variant v) {
    Observation observation = new Observation();
    observation.addIdentifier(localId("observation", v));
    observation.setStatus(v.pick(Observation.ObservationStatus.FINAL, Observation.ObservationStatus.PRELIMINARY));
    observation.addCategory(concept("http://hl7.org/fhir/observation-category", v.pick("vital-signs", "laboratory"),
        v.pick("Vital Signs", "Laboratory")));
    CodeableConcept code = snomed(v.pick("364075005", "86290005"), v.pick("Heart rate", "Respiratory rate"));
    code.addCoding(new Coding(LOINC, v.pick("8867-4", "9279-1"), v.pick("Heart rate", "Respiratory rate")));
    observation.setCode(code);
    observation.addComponent().setCode(snomed(v.pick("271649006", "271650006"),
        v.pick("Systolic blood pressure", "Diastolic blood pressure")));
    observation.setValue(snomed(v.pick("373066001", "373067005"), v.pick("Yes", "No")));
    observation.setEffective(v.pick(new DateTimeType("2020-03-05T10:15:30Z"), period("2018-07-01", "2018-07-02")));
    observation.setSubject(ref(v.ref("Patient")));
    observation.setContext(ref(v.ref("Encounter")));
    observation.addPerformer(ref(v.ref("Practitioner")));
    observation.addBasedOn(ref(v.ref("MedicationRequest")));
    return observation;
  }

  static Condition condition(Variant v) {
    Condition condition = new Condition();
    condition.addIdentifier(localId("condition", v));
    condition.setClinicalStatus(
        v.pick(Condition.ConditionClinicalStatus.ACTIVE, Condition.ConditionClinicalStatus.RESOLVED));
    condition.setVerificationStatus(
        v.pick(Condition.ConditionVerificationStatus.CONFIRMED, Condition.ConditionVerificationStatus.PROVISIONAL));
    condition.addCategory(concept(CONDITION_CATEGORY, v.pick("problem-list-item", "encounter-diagnosis"),
        v.pick("Problem List Item", "Encounter Diagnosis")));
    condition.setCode(snomed(v.pick("22298006", "38341003"),
        v.pick("Myocardial infarction", "Hypertensive disorder")));
    condition.setSeverity(snomed(v.pick("24484000", "6736007"), v.pick("Severe", "Moderate")));
    condition.addBodySite(snomed(v.pick("80891009", "39607008"), v.pick("Heart structure", "Lung structure")));
    condition.addEvidence().addCode(snomed(v.pick("29857009", "267036007"), v.pick("Chest pain", "Dyspnea")));
    condition.setOnset(v.pick(new DateTimeType("2020-02-01"), period("2018-05-01", "2018-05-20")));
    if (!v.isA()) {
      condition.setAbatement(new DateTimeType("2018-08-01"));
    }
    condition.setAssertedDateElement(new DateTimeType(v.pick("2020-02-03", "2018-05-21")));
    condition.setSubject(ref(v.ref("Patient")));
    condition.setContext(ref(v.ref("Encounter")));
    condition.setAsserter(ref(v.ref("Practitioner")));
    return condition;
  }

  static AllergyIntolerance allergyIntolerance(Variant v) {
    AllergyIntolerance allergy = new AllergyIntolerance();
    allergy.addIdentifier(localId("allergy", v));
    allergy.setClinicalStatus(v.pick(AllergyIntolerance.AllergyIntoleranceClinicalStatus.ACTIVE,
        AllergyIntolerance.AllergyIntoleranceClinicalStatus.RESOLVED));
    allergy.setVerificationStatus(v.pick(AllergyIntolerance.AllergyIntoleranceVerificationStatus.CONFIRMED,
        AllergyIntolerance.AllergyIntoleranceVerificationStatus.UNCONFIRMED));
    allergy.setType(v.pick(AllergyIntolerance.AllergyIntoleranceType.ALLERGY,
        AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE));
    allergy.addCategory(v.pick(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION,
        AllergyIntolerance.AllergyIntoleranceCategory.FOOD));
    allergy.setCriticality(v.pick(AllergyIntolerance.AllergyIntoleranceCriticality.LOW,
        AllergyIntolerance.AllergyIntoleranceCriticality.HIGH));
    allergy.setCode(snomed(v.pick("91936005", "91935009"), v.pick("Allergy to penicillin", "Allergy to peanuts")));
    allergy.setPatient(ref(v.ref("Patient")));
    allergy.setAssertedDateElement(new DateTimeType(v.pick("2020-03-05", "2018-07-01")));
    allergy.setLastOccurrenceElement(new DateTimeType(v.pick("2020-03-01", "2018-06-15")));
    allergy.setAsserter(ref(v.ref("Practitioner")));
    allergy.setRecorder(ref(v.ref("Practitioner")));
    AllergyIntoleranceReactionComponent reaction = allergy.addReaction();
    reaction.setSubstance(snomed(v.pick("764146007", "762952008"), v.pick("Penicillin", "Peanut")));
    reaction.addManifestation(snomed(v.pick("247472004", "39579001"), v.pick("Hives", "Anaphylaxis")));
    reaction.setSeverity(v.pick(AllergyIntolerance.AllergyIntoleranceSeverity.MILD,
        AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE));
    reaction.setExposureRoute(snomed(v.pick("26643006", "6064005"), v.pick("Oral route", "Topical route")));
    reaction.setOnsetElement(new DateTimeType(v.pick("2019-12-24", "2017-11-11")));
    return allergy;
  }

  static MedicationRequest medicationRequest(Variant v) {
    MedicationRequest request = new MedicationRequest();
    request.addIdentifier(localId("prescription", v));
    request.setStatus(v.pick(MedicationRequest.MedicationRequestStatus.ACTIVE,
        MedicationRequest.MedicationRequestStatus.COMPLETED));
    request.setIntent(v.pick(MedicationRequest.MedicationRequestIntent.ORDER,
        MedicationRequest.MedicationRequestIntent.PLAN));
    request.setCategory(concept("http://hl7.org/fhir/medication-request-category",
        v.pick("inpatient", "outpatient"), v.pick("Inpatient", "Outpatient")));
    request.setPriority(v.pick(MedicationRequest.MedicationRequestPriority.ROUTINE,
        MedicationRequest.MedicationRequestPriority.URGENT));
    // CareConnect-MedicationRequest-1: medication[x] must be a reference to a Medication.
    request.setMedication(ref(v.ref("Medication")));
    request.setAuthoredOnElement(new DateTimeType(v.pick("2020-03-05T11:00:00Z", "2018-07-01T09:30:00Z")));
    Timing timing = new Timing();
    timing.getEvent().add(new DateTimeType(v.pick("2020-03-06T08:00:00Z", "2018-07-02T08:00:00Z")));
    request.addDosageInstruction().setText("One tablet").setTiming(timing);
    request.setSubject(ref(v.ref("Patient")));
    request.setContext(ref(v.ref("Encounter")));
    request.getRequester().setAgent(ref(v.ref("Practitioner")));
    request.getDispenseRequest().setPerformer(ref(v.ref("Organization")));
    return request;
  }

  static MedicationStatement medicationStatement(Variant v) {
    MedicationStatement statement = new MedicationStatement();
    statement.addIdentifier(localId("medication-statement", v));
    statement.setStatus(v.pick(MedicationStatement.MedicationStatementStatus.ACTIVE,
        MedicationStatement.MedicationStatementStatus.COMPLETED));
    statement.setCategory(concept("http://hl7.org/fhir/medication-statement-category",
        v.pick("inpatient", "community"), v.pick("Inpatient", "Community")));
    // CareConnect-MedicationStatement-1: medication[x] must be a reference to a Medication.
    statement.setMedication(ref(v.ref("Medication")));
    statement.setEffective(v.pick(new DateTimeType("2020-03-05"), period("2018-07-01", "2018-12-31")));
    statement.setTaken(MedicationStatement.MedicationStatementTaken.Y);
    statement.setSubject(ref(v.ref("Patient")));
    statement.setContext(ref(v.ref("Encounter")));
    statement.setInformationSource(ref(v.ref("Practitioner")));
    statement.addPartOf(ref(v.ref("Procedure")));
    return statement;
  }

  static Immunization immunization(Variant v) {
    Immunization immunization = new Immunization();
    immunization.addIdentifier(localId("immunization", v));
    immunization.setStatus(v.pick(Immunization.ImmunizationStatus.COMPLETED,
        Immunization.ImmunizationStatus.ENTEREDINERROR));
    immunization.setNotGiven(!v.isA());
    immunization.setPrimarySource(true);
    immunization.setVaccineCode(snomed(v.pick("836377006", "836398006"),
        v.pick("Influenza virus antigen only vaccine product", "Streptococcus pneumoniae antigen vaccine")));
    immunization.setPatient(ref(v.ref("Patient")));
    immunization.setDateElement(new DateTimeType(v.pick("2020-10-01", "2018-10-15")));
    immunization.addPractitioner().setActor(ref(v.ref("Practitioner")));
    immunization.setLocation(ref(v.ref("Location")));
    immunization.setManufacturer(ref(v.ref("Organization")));
    immunization.setLotNumber(v.pick("AB1234", "CD5678"));
    if (v.isA()) {
      immunization.getExplanation().addReason(snomed("429060002", "Procedure to meet occupational requirement"));
    } else {
      immunization.getExplanation().addReasonNotGiven(
          concept("http://hl7.org/fhir/v3/ActReason", "PATOBJ", "patient objection"));
    }
    if (v.isA()) {
      immunization.addReaction().setDateElement(new DateTimeType("2020-10-02"))
          .setDetail(ref(v.ref("Observation")));
    }
    return immunization;
  }

  static Procedure procedure(Variant v) {
    Procedure procedure = new Procedure();
    procedure.addIdentifier(localId("procedure", v));
    procedure.setStatus(v.pick(Procedure.ProcedureStatus.COMPLETED, Procedure.ProcedureStatus.INPROGRESS));
    procedure.setCategory(snomed(v.pick("387713003", "103693007"),
        v.pick("Surgical procedure", "Diagnostic procedure")));
    procedure.setCode(snomed(v.pick("80146002", "73761001"), v.pick("Appendectomy", "Colonoscopy")));
    procedure.setPerformed(v.pick(new DateTimeType("2020-03-05T14:00:00Z"),
        period("2018-07-01T10:00:00Z", "2018-07-01T11:30:00Z")));
    procedure.setSubject(ref(v.ref("Patient")));
    procedure.setContext(ref(v.ref("Encounter")));
    procedure.addPerformer().setActor(ref(v.ref("Practitioner")));
    procedure.setLocation(ref(v.ref("Location")));
    procedure.addPartOf(ref("Procedure/" + v.id("parent-procedure")));
    procedure.addBasedOn(ref("ProcedureRequest/" + v.id("procedure-request")));
    return procedure;
  }

  static Period period(String start, String end) {
    return new Period().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end));
  }
}
