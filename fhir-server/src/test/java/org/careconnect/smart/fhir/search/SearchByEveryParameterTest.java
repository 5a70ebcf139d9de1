package org.careconnect.smart.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careconnect.smart.fhir.support.SearchApi.param;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.careconnect.smart.fhir.support.Fixture;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.SearchApi;
import org.careconnect.smart.fhir.support.Variant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One search by each search parameter of each resource type, over HTTP: the fixture built from
 * variant A and the one built from B are both stored, and {@code param=<A's value>} must find A
 * and not B (and the other way round). {@code _id} limits each search to the two, so data of
 * other tests never counts.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchByEveryParameterTest {

  @LocalServerPort int port;
  @Autowired SearchParameterRegistry registry;

  private final Variant a = Variant.a();
  private final Variant b = Variant.b();
  private SearchApi api;

  @BeforeAll
  void storeEveryFixtureInBothVariants() {
    api = new SearchApi(port);
    for (Fixture fixture : Fixture.all()) {
      api.put(fixture.build(a));
      api.put(fixture.build(b));
    }
  }

  static Stream<Arguments> examples() {
    return Fixture.all().stream()
        .flatMap(f -> f.examples().keySet().stream().map(p -> Arguments.of(f, p)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("examples")
  void searchByTheParameterFindsTheResourceHoldingTheValueAndNotTheOther(Fixture fixture, String parameter) {
    Function<Variant, String> example = fixture.examples().get(parameter);
    int searched = 0;
    for (Variant hit : List.of(a, b)) {
      Variant miss = hit == a ? b : a;
      String value = example.apply(hit);
      if (value == null) {
        continue;
      }
      String hitId = hit.id(fixture.name());
      String query = fixture.type() + "?" + param(parameter, value) + "&_id=" + hitId + "," + miss.id(fixture.name());

      assertThat(api.matchIds(query)).as(query).containsExactly(hitId);
      searched++;
    }
    assertThat(searched).as("variants with a value").isPositive();
  }

  @Test
  void everyDeclaredParameterOfEveryTypeHasAnExample() {
    Set<String> declared = new TreeSet<>();
    registry.all().forEach(d -> d.all().forEach(p -> declared.add(d.typeName() + "." + p.name())));
    Set<String> exemplified = new TreeSet<>();
    for (Fixture fixture : Fixture.all()) {
      fixture.examples().keySet().forEach(p -> exemplified.add(fixture.type() + "." + p));
    }

    assertThat(exemplified).isEqualTo(declared);
  }
}
