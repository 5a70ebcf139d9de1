package org.careconnect.smart.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careconnect.smart.fhir.support.SearchApi.param;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.careconnect.smart.fhir.store.SearchParamType;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.careconnect.smart.fhir.support.SearchApi;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Date search (FHIR STU3 §3.1.1.4.4 "date" and the prefix table of §3.1.1.4.2): both the search
 * value and the stored value are ranges given by their precision, and each prefix compares the
 * ranges. The stored values (Observation.effective[x]), as ranges in UTC:
 *
 * <pre>
 * instant   2020-03-05T11:15:30+01:00       = [2020-03-05T10:15:30.000Z, 10:15:30.999Z]
 * day       2020-03-05                      = the whole day
 * month     2020-03                         = the whole month
 * year      2020                            = the whole year
 * inMarch   Period 2020-03-01 .. 2020-03-10
 * lastYear  2019-12-31T23:00:00Z
 * nextYear  2021-01-01
 * endsIn    Period 2020-02-20 .. 2020-03-05T12:00:00Z   (starts before the day, ends in it)
 * startsIn  Period 2020-03-05T18:00:00Z .. 2020-03-07   (starts in the day, ends after it)
 * open      Period 2020-06-01 .. (no end)
 * </pre>
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DateSearchTest {

  @LocalServerPort int port;
  @Autowired SearchParameterRegistry registry;
  SearchApi api;

  /** A code only this class's Observations have, so each search sees only them. */
  final String code = FhirTestClient.unique("date");
  final Map<String, String> idByName = new LinkedHashMap<>();

  @BeforeAll
  void store() {
    api = new SearchApi(port);
    store("instant", new DateTimeType("2020-03-05T11:15:30+01:00"));
    store("day", new DateTimeType("2020-03-05"));
    store("month", new DateTimeType("2020-03"));
    store("year", new DateTimeType("2020"));
    store("inMarch", period("2020-03-01", "2020-03-10"));
    store("lastYear", new DateTimeType("2019-12-31T23:00:00Z"));
    store("nextYear", new DateTimeType("2021-01-01"));
    store("endsIn", period("2020-02-20", "2020-03-05T12:00:00Z"));
    store("startsIn", period("2020-03-05T18:00:00Z", "2020-03-07"));
    store("open", new Period().setStartElement(new DateTimeType("2020-06-01")));
  }

  @ParameterizedTest(name = "date={0} finds {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        // eq (no prefix): the search range fully contains the stored range; each precision
        "2020-03-05T10:15:30Z; instant",
        "2020-03-05T11:15:30+01:00; instant",
        "2020-03-05; instant day",
        "eq2020-03-05; instant day",
        "2020-03; instant day month inMarch startsIn",
        "2020; instant day month year inMarch endsIn startsIn",
        // ne: the search range does not fully contain the stored range
        "ne2020-03-05; month year inMarch lastYear nextYear endsIn startsIn open",
        // gt: the range above the search value overlaps the stored range
        "gt2020-03-05; month year inMarch nextYear startsIn open",
        "gt2020; nextYear open",
        // lt: the range below the search value overlaps the stored range
        "lt2020-03-05; month year inMarch lastYear endsIn",
        "lt2020-03; year lastYear endsIn",
        // ge: gt, or the search range fully contains the stored range
        "ge2020-03-05; instant day month year inMarch nextYear startsIn open",
        "ge2020-03-05T10:15:30Z; instant day month year inMarch nextYear endsIn startsIn open",
        // le: lt, or the search range fully contains the stored range
        "le2020-03-05; instant day month year inMarch lastYear endsIn",
        // sa: starts after the search range, eb: ends before it
        "sa2020-03-05; nextYear open",
        "eb2020-03-05; lastYear",
        "eb2020; lastYear",
        "eb2019-12-31T23:00:00Z; ''",
      })
  void prefixAndPrecisionSelectExactlyTheStu3Matches(String value, String expectedNames) {
    assertThat(search(param("date", value))).isEqualTo(names(expectedNames));
  }

  @Test
  void approximatelyMatchesNearbyValuesButNotDistantOnes() {
    // "ap": within about 10% of the distance from now (§3.1.1.4.2), so a day later or earlier is
    // near 2020-03-05 while 1990 is not, whenever the test runs.
    String distant = api.post(observation(new DateTimeType("1990-01-01"), FhirTestClient.unique("ap")));
    String query = "Observation?" + param("date", "ap2020-03-05") + "&_id="
        + String.join(",", idByName.get("day"), idByName.get("lastYear"), distant);

    assertThat(api.matchIdSet(query)).containsExactlyInAnyOrder(idByName.get("day"), idByName.get("lastYear"));
  }

  @Test
  void commaSeparatedValuesAreOred() {
    assertThat(search(param("date", "2020-03-05T10:15:30Z,2021"))).isEqualTo(names("instant nextYear"));
  }

  @Test
  void repeatedParametersAreAndedIntoARange() {
    assertThat(search(param("date", "ge2020-03") + "&" + param("date", "lt2020-03-05")))
        .isEqualTo(names("month year inMarch"));
  }

  /**
   * HAPI parses declared parameters before our parser sees them; a provider declaring a date as
   * HAPI's DateRangeParam would refuse OR lists, "ap" and more than two ANDed values.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyDateParameter")
  void everyDateParameterOfEveryTypeAcceptsEveryPrefixOrAndAnd(String typeAndParameter) {
    String[] parts = typeAndParameter.split("\\?");
    String name = parts[1];
    String query = parts[0] + "?" + param(name, "ap2020,ne2021-06,eq2019-01-01T10:00:00Z") + "&"
        + param(name, "ge1900") + "&" + param(name, "le2100") + "&" + param(name, "sa1901") + "&"
        + param(name, "eb2099") + "&" + param(name, "gt1902") + "&" + param(name, "lt2098");

    api.bundle(query);
  }

  Stream<String> everyDateParameter() {
    return registry.all().stream()
        .flatMap(d -> Stream.concat(Stream.of("_lastUpdated"),
                d.all().stream().filter(p -> p.type() == SearchParamType.DATE).map(SearchParameter::name))
            .map(name -> d.typeName() + "?" + name));
  }

  @Test
  void invalidDateIsRefusedNamingTheValue() {
    assertThat(api.badRequest("Observation?" + param("date", "2020-13-45"))).contains("\"2020-13-45\"");
  }

  @Test
  void unknownPrefixIsRefusedNamingIt() {
    assertThat(api.badRequest("Observation?" + param("date", "xx2020"))).contains("\"xx\"");
  }

  @Test
  void modifierOnADateIsRefused() {
    assertThat(api.badRequest("Observation?" + param("date:missing", "true"))).contains("':missing'");
  }

  private Set<String> search(String dateQuery) {
    Set<String> ids = api.matchIdSet("Observation?" + param("code", code) + "&" + dateQuery + "&_count=50");
    Map<String, String> nameById =
        idByName.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    return ids.stream().map(nameById::get).collect(Collectors.toSet());
  }

  private static Set<String> names(String spaceSeparated) {
    return Arrays.stream(spaceSeparated.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
  }

  private void store(String name, Type effective) {
    idByName.put(name, api.post(observation(effective, code)));
  }

  private static Observation observation(Type effective, String code) {
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setCode(new CodeableConcept().addCoding(
        new Coding("https://careconnect-smart.example.org/CodeSystem/test", code, "Date test")));
    observation.setSubject(new Reference("Patient/" + FhirTestClient.unique("p")));
    observation.setEffective(effective);
    return observation;
  }

  private static Period period(String start, String end) {
    return new Period().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end));
  }
}
