package org.careconnect.smart.fhir.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.careconnect.smart.fhir.validation.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * One patient being generated: who they are, their practice and GP, and the resources made so
 * far. Ids are derived from the patient's number and a counter per kind, so they are the same
 * every time the same population is generated.
 */
final class PatientRecord {

  private final String idPrefix;
  private final SplittableRandom random;
  private final LocalDate asOf;
  private final Practice practice;
  private final Practitioner gp;
  private final List<Resource> resources = new ArrayList<>();
  private final Map<String, Integer> counters = new HashMap<>();
  private Patient patient;
  private LocalDate birthDate;
  private boolean female;

  PatientRecord(int number, SplittableRandom random, LocalDate asOf, Practice practice) {
    this.idPrefix = "demo-pat-" + number;
    this.random = random;
    this.asOf = asOf;
    this.practice = practice;
    this.gp = UkNames.pick(random, practice.gps());
  }

  SplittableRandom random() {
    return random;
  }

  /** The day the population is generated "as of": its latest data is from before this day. */
  LocalDate asOf() {
    return asOf;
  }

  Practice practice() {
    return practice;
  }

  Practitioner gp() {
    return gp;
  }

  String gpName() {
    return PracticeGenerator.displayName(gp);
  }

  Patient patient() {
    return patient;
  }

  String patientId() {
    return idPrefix;
  }

  void setPatient(Patient patient, LocalDate birthDate, boolean female) {
    this.patient = patient;
    this.birthDate = birthDate;
    this.female = female;
    add(patient);
  }

  LocalDate birthDate() {
    return birthDate;
  }

  boolean female() {
    return female;
  }

  int age() {
    return ageOn(asOf);
  }

  int ageOn(LocalDate day) {
    return java.time.Period.between(birthDate, day).getYears();
  }

  /** The next id of a kind for this patient, e.g. {@code demo-pat-7-obs-12}. */
  String nextId(String kind) {
    int next = counters.merge(kind, 1, Integer::sum);
    return idPrefix + "-" + kind + "-" + next;
  }

  /** A random day from {@code from} (inclusive) to {@code to} (exclusive); {@code from} if empty. */
  LocalDate dayBetween(LocalDate from, LocalDate to) {
    long days = to.toEpochDay() - from.toEpochDay();
    return days <= 0 ? from : from.plusDays(random.nextLong(days));
  }

  /** A time in surgery hours, 08:30 to 17:50, on a day. */
  LocalDateTime surgeryTime(LocalDate day) {
    return day.atTime(8, 30).plusMinutes(10L * random.nextInt(57));
  }

  /** Claims the Care Connect profile and adds the resource to the record. */
  <T extends Resource> T add(T resource) {
    CareConnectProfiles.claim(resource);
    resources.add(resource);
    return resource;
  }

  List<Resource> resources() {
    return resources;
  }
}
