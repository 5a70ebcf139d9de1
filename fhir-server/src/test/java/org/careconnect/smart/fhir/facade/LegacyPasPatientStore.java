package org.careconnect.smart.fhir.facade;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.careconnect.smart.fhir.search.IndexValues;
import org.careconnect.smart.fhir.store.HistoryQuery;
import org.careconnect.smart.fhir.store.ResourceStore;
import org.careconnect.smart.fhir.store.SearchQuery;
import org.careconnect.smart.fhir.store.SearchValue;
import org.careconnect.smart.fhir.validation.CareConnectProfiles;
import org.careconnect.smart.fhir.validation.NhsNumber;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Patient;

/**
 * A second implementation of the seam, as a hospital would write one: its patient administration
 * system (here a map of rows standing in for the PAS database) served as Care Connect Patients.
 * Read-only, and it answers only the searches the PAS can. docs/facade.md walks through it.
 */
class LegacyPasPatientStore implements ResourceStore<Patient> {

  /** A row of the PAS's own patient table: no FHIR in sight. */
  record PasRow(String hospitalNumber, String nhsNumber, String surname, String forename, LocalDate born, char sex) {}

  private final Map<String, PasRow> rowsByHospitalNumber;

  LegacyPasPatientStore(Map<String, PasRow> rowsByHospitalNumber) {
    this.rowsByHospitalNumber = rowsByHospitalNumber;
  }

  @Override
  public Class<Patient> resourceType() {
    return Patient.class;
  }

  @Override
  public Patient read(String id) {
    PasRow row = rowsByHospitalNumber.get(id);
    if (row == null) {
      throw new ResourceNotFoundException("Patient/" + id + " is not in the PAS");
    }
    return toCareConnect(row);
  }

  @Override
  public Patient readVersion(String id, long versionId) {
    if (versionId != 1) {
      throw new ResourceNotFoundException("The PAS keeps no history of Patient/" + id);
    }
    return read(id);
  }

  @Override
  public Patient create(Patient resource) {
    throw new MethodNotAllowedException("Patients are registered in the PAS, not through this API");
  }

  @Override
  public WriteResult<Patient> update(String id, Patient resource, Long expectedVersion) {
    throw new MethodNotAllowedException("Patients are updated in the PAS, not through this API");
  }

  @Override
  public Long delete(String id) {
    throw new MethodNotAllowedException("Patients are never deleted through this API");
  }

  @Override
  public List<Patient> search(SearchQuery query, int offset, int count) {
    return matching(query).skip(offset).limit(count).map(LegacyPasPatientStore::toCareConnect).toList();
  }

  @Override
  public int count(SearchQuery query) {
    return (int) matching(query).count();
  }

  @Override
  public List<Patient> history(HistoryQuery query, int offset, int count) {
    return List.of();
  }

  @Override
  public int countHistory(HistoryQuery query) {
    return query.id() != null && rowsByHospitalNumber.containsKey(query.id()) ? 1 : 0;
  }

  private java.util.stream.Stream<PasRow> matching(SearchQuery query) {
    Predicate<PasRow> all = row -> true;
    for (SearchQuery.SearchClause clause : query.clauses()) {
      Predicate<PasRow> anyValue = row -> false;
      for (SearchValue value : clause.anyOf()) {
        anyValue = anyValue.or(matcher(clause.parameter(), value));
      }
      all = all.and(anyValue);
    }
    return rowsByHospitalNumber.values().stream().filter(all)
        .sorted(java.util.Comparator.comparing(PasRow::hospitalNumber));
  }

  /** The PAS can look patients up by NHS number, hospital number or surname; nothing else. */
  private static Predicate<PasRow> matcher(String parameter, SearchValue value) {
    return switch (parameter) {
      case "_id" -> row -> row.hospitalNumber().equals(((SearchValue.Token) value).code());
      case "identifier" -> row -> {
        SearchValue.Token token = (SearchValue.Token) value;
        boolean nhs = token.system() == null || NhsNumber.SYSTEM.equals(token.system());
        return nhs && row.nhsNumber().equals(token.code());
      };
      case "family" -> row -> IndexValues.normalize(row.surname())
          .startsWith(IndexValues.normalize(((SearchValue.Text) value).value()));
      default -> throw new InvalidRequestException(
          "Search by '" + parameter + "' is not supported for patients held in the PAS");
    };
  }

  /** The mapping from a PAS row to CareConnect-Patient-1. */
  static Patient toCareConnect(PasRow row) {
    Patient patient = new Patient();
    patient.setId(new IdType("Patient", row.hospitalNumber(), "1"));
    patient.getMeta().setVersionId("1");
    CareConnectProfiles.claim(patient);
    patient.addIdentifier().setSystem(NhsNumber.SYSTEM).setValue(row.nhsNumber());
    patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(row.surname()).addGiven(row.forename());
    patient.setBirthDate(Date.from(row.born().atStartOfDay(ZoneOffset.UTC).toInstant()));
    patient.setGender(switch (row.sex()) {
      case 'M' -> AdministrativeGender.MALE;
      case 'F' -> AdministrativeGender.FEMALE;
      default -> AdministrativeGender.UNKNOWN;
    });
    return patient;
  }
}
