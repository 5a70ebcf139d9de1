package org.careconnect.smart.fhir.demo;

import static org.careconnect.smart.fhir.demo.Codings.concept;
import static org.careconnect.smart.fhir.demo.Codings.reference;
import static org.careconnect.smart.fhir.demo.Codings.snomed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Procedure;

/**
 * Past procedures recorded in the GP record (CareConnect-Procedure-1: status, SNOMED CT code,
 * subject and when performed), about one patient in eight, chosen to fit age and conditions.
 */
final class Procedures {

  private record Kind(String code, String display, int minimumAge) {}

  private static final List<Kind> GENERAL =
      List.of(
          new Kind("80146002", "Appendicectomy", 5),
          new Kind("38102005", "Cholecystectomy", 25),
          new Kind("73761001", "Colonoscopy", 50),
          new Kind("52734007", "Total hip replacement", 55),
          new Kind("609588000", "Total knee replacement", 55));

  private static final Kind BYPASS = new Kind("232717009", "Coronary artery bypass grafting", 45);

  private Procedures() {}

  static void generate(PatientRecord record, Set<ChronicCondition> conditions) {
    if (record.random().nextInt(8) != 0) {
      return;
    }
    int age = record.age();
    List<Kind> possible = new ArrayList<>();
    GENERAL.stream().filter(kind -> age >= kind.minimumAge()).forEach(possible::add);
    if (conditions.contains(ChronicCondition.ISCHAEMIC_HEART_DISEASE)) {
      possible.add(BYPASS);
    }
    if (possible.isEmpty()) {
      return;
    }
    Kind kind = UkNames.pick(record.random(), possible);
    LocalDate earliest = record.birthDate().plusYears(kind.minimumAge());
    LocalDate tenYearsAgo = record.asOf().minusYears(10);
    LocalDate day = record.dayBetween(earliest.isAfter(tenYearsAgo) ? earliest : tenYearsAgo, record.asOf().minusDays(14));

    Procedure procedure = new Procedure();
    procedure.setId(record.nextId("proc"));
    procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
    procedure.setCode(concept(snomed(kind.code(), kind.display())));
    procedure.setSubject(reference(record.patient()));
    procedure.setPerformed(Codings.dateOnly(day));
    record.add(procedure);
  }
}
