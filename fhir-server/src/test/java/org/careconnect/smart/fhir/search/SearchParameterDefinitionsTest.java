package org.careconnect.smart.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careconnect.smart.fhir.store.SearchParamType;
import org.careconnect.smart.fhir.store.SearchValue;
import org.careconnect.smart.fhir.support.Fixture;
import org.careconnect.smart.fhir.support.Variant;
import org.careconnect.smart.fhir.validation.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBase;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every search parameter this server declares is the FHIR STU3 one of that name: same type, same
 * target types, and it reads the same elements as the spec's FHIRPath expression, checked on
 * Care Connect shaped fixtures. HAPI's STU3 model carries the spec's definitions
 * ({@code RuntimeSearchParam}), so the spec is the reference here, not our reading of it.
 */
class SearchParameterDefinitionsTest {

  private static final FhirContext FHIR = FhirContext.forDstu3Cached();
  private static final Map<String, ResourceSearchParameters<?>> DECLARED = declaredByType();

  @Test
  void everyCareConnectTypeIsServedWithSearchParameters() {
    assertThat(DECLARED.keySet()).isEqualTo(CareConnectProfiles.all().keySet());
  }

  @Test
  void everyParameterHasTheNameTypeAndTargetsOfTheStu3Definition() {
    List<String> mismatches = new ArrayList<>();
    for (ResourceSearchParameters<?> declared : DECLARED.values()) {
      for (SearchParameter<?> parameter : declared.all()) {
        RuntimeSearchParam spec = specOf(declared.typeName(), parameter.name());
        String where = declared.typeName() + "." + parameter.name();
        if (spec == null) {
          mismatches.add(where + " is no STU3 search parameter");
          continue;
        }
        if (spec.getParamType() != restType(parameter.type())) {
          mismatches.add(where + " is a " + parameter.type() + ", STU3 says " + spec.getParamType());
        }
        if (parameter.type() == SearchParamType.REFERENCE
            && !new TreeSet<>(parameter.targetTypes()).equals(new TreeSet<>(spec.getTargets()))) {
          mismatches.add(where + " targets " + parameter.targetTypes() + ", STU3 says " + spec.getTargets());
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void patientDataTypesLinkToTheirPatientThroughTheStu3PatientParameter() {
    for (ResourceSearchParameters<?> declared : DECLARED.values()) {
      boolean hasPatientParameter = specOf(declared.typeName(), "patient") != null;
      assertThat(declared.patientLink())
          .as(declared.typeName())
          .isEqualTo(hasPatientParameter ? "patient" : null);
    }
  }

  @Test
  void patientLinkMustBeAReferenceToPatient() {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(
            () -> new ResourceSearchParameters<>(org.hl7.fhir.dstu3.model.Observation.class) {
              {
                reference("performer", o -> o.getPerformer(), "Practitioner");
                patientLink("performer");
              }
            }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("performer is no reference to Patient in Observation");
  }

  @Test
  void everyParameterReadsWhatTheStu3ExpressionReadsAndTheFixturesGiveEachAValue() {
    IFhirPath fhirPath = FHIR.newFhirPath();
    List<String> mismatches = new ArrayList<>();
    Set<String> withValues = new TreeSet<>();
    for (Fixture fixture : Fixture.all()) {
      for (Variant variant : List.of(Variant.a(), Variant.b())) {
        Resource resource = fixture.build(variant);
        ResourceSearchParameters<?> declared = DECLARED.get(fixture.type());
        for (SearchParameter<?> parameter : declared.all()) {
          String where = fixture.name() + (variant.isA() ? " (A) " : " (B) ") + parameter.name();
          List<String> ours = indexed(parameter.type(), pathOf(parameter).apply(resource));
          List<String> spec = indexed(parameter.type(),
              fhirPath.evaluate(resource, specOf(fixture.type(), parameter.name()).getPath(), IBase.class));
          if (!ours.equals(spec)) {
            mismatches.add(where + ": ours " + ours + ", STU3 expression " + spec);
          }
          if (!ours.isEmpty()) {
            withValues.add(fixture.type() + "." + parameter.name());
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(withValues).isEqualTo(allDeclaredNames());
  }

  private static Set<String> allDeclaredNames() {
    return DECLARED.values().stream()
        .flatMap(d -> d.all().stream().map(p -> d.typeName() + "." + p.name()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The values the index would hold for these elements, as comparable text, sorted. */
  private static List<String> indexed(SearchParamType type, Collection<? extends IBase> elements) {
    List<String> out = new ArrayList<>();
    for (IBase element : elements) {
      Base base = (Base) element;
      switch (type) {
        case TOKEN -> IndexValues.tokens(base).forEach(t -> out.add(t.system() + "|" + t.code()));
        case STRING -> out.addAll(IndexValues.strings(base));
        case DATE -> {
          long[] range = IndexValues.dateRange(base);
          if (range != null) {
            out.add(range[0] + ".." + range[1]);
          }
        }
        case REFERENCE -> {
          SearchValue.Ref ref = IndexValues.reference(base);
          if (ref != null) {
            out.add(ref.type() + "/" + ref.id());
          }
        }
      }
    }
    out.sort(null);
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Function<Resource, Collection<? extends Base>> pathOf(SearchParameter<?> parameter) {
    return (Function) parameter.path();
  }

  private static RuntimeSearchParam specOf(String type, String name) {
    return FHIR.getResourceDefinition(type).getSearchParam(name);
  }

  private static RestSearchParameterTypeEnum restType(SearchParamType type) {
    return RestSearchParameterTypeEnum.valueOf(type.name());
  }

  /** Every {@link ResourceSearchParameters} class of the server, found as Spring finds them. */
  private static Map<String, ResourceSearchParameters<?>> declaredByType() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(ResourceSearchParameters.class));
    return scanner.findCandidateComponents("org.careconnect.smart.fhir").stream()
        .map(candidate -> instantiate(candidate.getBeanClassName()))
        .collect(Collectors.toMap(ResourceSearchParameters::typeName, p -> p, (a, b) -> a, java.util.TreeMap::new));
  }

  private static ResourceSearchParameters<?> instantiate(String className) {
    try {
      return (ResourceSearchParameters<?>) Class.forName(className).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(className, e);
    }
  }
}
