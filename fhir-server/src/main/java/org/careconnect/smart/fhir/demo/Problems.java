package org.careconnect.smart.fhir.demo;

import static org.careconnect.smart.fhir.demo.Codings.concept;
import static org.careconnect.smart.fhir.demo.Codings.reference;
import static org.careconnect.smart.fhir.demo.Codings.snomed;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Condition;

/**
 * The patient's long-term conditions as problem list items (CareConnect-Condition-1).
 * {@code verificationStatus} is never set: the profile fixes its cardinality at 0..0.
 */
final class Problems {

  private static final Coding PROBLEM_LIST_ITEM =
      new Coding(Codings.CONDITION_CATEGORY, "problem-list-item", "Problem List Item");

  private Problems() {}

  /** Each condition the patient has, with its Condition resource, in a fixed order. */
  static Map<ChronicCondition, Condition> generate(PatientRecord record) {
    Map<ChronicCondition, Condition> problems = new LinkedHashMap<>();
    int age = record.age();
    for (ChronicCondition condition : ChronicCondition.values()) {
      if (record.random().nextDouble() < condition.prevalence(age)) {
        problems.put(condition, condition(record, condition));
      }
    }
    return problems;
  }

  private static Condition condition(PatientRecord record, ChronicCondition kind) {
    LocalDate earliest = record.birthDate().plusYears(kind.minimumAge());
    LocalDate twentyYearsAgo = record.asOf().minusYears(20);
    LocalDate onset = record.dayBetween(earliest.isAfter(twentyYearsAgo) ? earliest : twentyYearsAgo, record.asOf().minusDays(30));

    Condition condition = new Condition();
    condition.setId(record.nextId("cond"));
    condition.setClinicalStatus(Condition.ConditionClinicalStatus.ACTIVE);
    condition.addCategory(concept(PROBLEM_LIST_ITEM.copy()));
    condition.setCode(concept(snomed(kind.code(), kind.display())));
    condition.setSubject(reference(record.patient()));
    condition.setOnset(Codings.dateOnly(onset));
    condition.setAssertedDateElement(Codings.dateOnly(onset));
    condition.setAsserter(reference(record.gp(), record.gpName()));
    return record.add(condition);
  }

  /** The day a condition was first recorded. */
  static LocalDate onset(Condition condition) {
    return LocalDate.parse(condition.getOnsetDateTimeType().getValueAsString());
  }
}
