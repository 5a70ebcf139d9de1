package org.careconnect.smart.fhir.demo;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Quantity;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/** The code systems, units and date forms the demo population is written in. */
final class Codings {

  static final String SNOMED = "http://snomed.info/sct";
  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";
  static final String OBSERVATION_CATEGORY = "http://hl7.org/fhir/observation-category";
  static final String CONDITION_CATEGORY =
      "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-ConditionCategory-1";

  /** UK times: data is written in local time with its offset, as a GP system would. */
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static final TimeZone LONDON_ZONE = TimeZone.getTimeZone(LONDON);

  private Codings() {}

  static Coding snomed(String code, String display) {
    return new Coding(SNOMED, code, display);
  }

  static Coding loinc(String code, String display) {
    return new Coding(LOINC, code, display);
  }

  static CodeableConcept concept(Coding... codings) {
    CodeableConcept concept = new CodeableConcept();
    for (Coding coding : codings) {
      concept.addCoding(coding);
    }
    return concept;
  }

  /** A UCUM quantity (FHIR STU3 §2.24.0.12: {@code code} and {@code system} for computation). */
  static Quantity ucum(BigDecimal value, String unit, String code) {
    return new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(code);
  }

  static Reference reference(Resource target) {
    return new Reference(target.fhirType() + "/" + target.getIdElement().getIdPart());
  }

  static Reference reference(Resource target, String display) {
    return reference(target).setDisplay(display);
  }

  /** A local date and time in London, to the second, with its UTC offset. */
  static DateTimeType dateTime(LocalDateTime local) {
    Date instant = Date.from(local.atZone(LONDON).toInstant());
    return new DateTimeType(instant, TemporalPrecisionEnum.SECOND, LONDON_ZONE);
  }

  /** A date without time; FHIR dates carry no zone (FHIR STU3 §2.24.0.0.3). */
  static DateType date(LocalDate date) {
    return new DateType(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
  }

  /** An instant in London to the second, e.g. when a laboratory result was issued. */
  static InstantType instant(LocalDateTime local) {
    return new InstantType(Date.from(local.atZone(LONDON).toInstant()), TemporalPrecisionEnum.SECOND, LONDON_ZONE);
  }

  /** A dateTime of day precision, for events whose time of day nobody records. */
  static DateTimeType dateOnly(LocalDate date) {
    return new DateTimeType(date.toString());
  }
}
