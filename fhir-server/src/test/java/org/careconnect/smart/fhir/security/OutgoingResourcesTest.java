package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import java.time.Instant;
import java.util.Set;
import org.careconnect.smart.scope.ScopeSet;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

/**
 * The shortcut past HAPI's per-resource checks applies only when every resource HAPI would check
 * is of a type the token reads with any id, and only for answers it can see whole from their
 * entries; anything else goes to HAPI.
 */
class OutgoingResourcesTest {

  final FhirContext fhir = FhirContext.forDstu3Cached();
  final ScopeRules rules = new ScopeRules(fhir, Set.of("Patient", "Observation", "Medication"));
  final TokenPermissions observationsOnly = permissions("system/Observation.rs");
  final TokenPermissions everything = permissions("system/*.rs");

  @Test
  void searchWhenEveryEntryOfAReadableTypeThenShortcut() {
    Bundle bundle = searchset(observation("o1"), observation("o2"));
    bundle.addEntry().setResource(new OperationOutcome()); // HAPI never checks these in a Bundle

    assertThat(allowed(RestOperationTypeEnum.SEARCH_TYPE, bundle, observationsOnly)).isTrue();
  }

  @Test
  void searchWhenAnIncludedTypeIsNotReadableThenNoShortcut() {
    Bundle bundle = searchset(observation("o1"), new Patient().setIdElement(new IdType("Patient/p1")));

    assertThat(allowed(RestOperationTypeEnum.SEARCH_TYPE, bundle, observationsOnly)).isFalse();
    assertThat(allowed(RestOperationTypeEnum.SEARCH_TYPE, bundle, everything)).isTrue();
  }

  @Test
  void searchWhenAnEntryContainsResourcesThenNoShortcutEvenForAWideToken() {
    Observation withContained = observation("o1");
    withContained.addContained(new Medication().setId("#m1"));

    assertThat(allowed(RestOperationTypeEnum.SEARCH_TYPE, searchset(withContained), everything)).isFalse();
  }

  @Test
  void searchWhenNestedBundleOrEntryOutcomeOrOtherBundleTypeThenNoShortcut() {
    Bundle nested = searchset(observation("o1"));
    nested.addEntry().setResource(searchset(observation("o2")));
    Bundle withOutcome = searchset(observation("o1"));
    withOutcome.getEntryFirstRep().getResponse().setOutcome(new Patient().setId("Patient/p1"));
    Bundle collection = searchset(observation("o1")).setType(Bundle.BundleType.COLLECTION);

    assertThat(allowed(RestOperationTypeEnum.SEARCH_TYPE, nested, everything)).isFalse();
    assertThat(allowed(RestOperationTypeEnum.SEARCH_TYPE, withOutcome, everything)).isFalse();
    assertThat(allowed(RestOperationTypeEnum.SEARCH_TYPE, collection, everything)).isFalse();
  }

  @Test
  void readWhenTypeOrIdTypeNotReadableThenNoShortcut() {
    Observation mislabelled = observation("o1");
    mislabelled.setId("Patient/o1");

    assertThat(allowed(RestOperationTypeEnum.READ, observation("o1"), observationsOnly)).isTrue();
    assertThat(allowed(RestOperationTypeEnum.READ, new Patient().setId("Patient/p1"), observationsOnly)).isFalse();
    assertThat(allowed(RestOperationTypeEnum.READ, mislabelled, observationsOnly)).isFalse();
  }

  @Test
  void writeOrOperationWhenAnswerReadableThenNoShortcut() {
    assertThat(allowed(RestOperationTypeEnum.CREATE, observation("o1"), everything)).isFalse();
    assertThat(allowed(RestOperationTypeEnum.TRANSACTION, searchset(observation("o1")), everything)).isFalse();
    assertThat(allowed(RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE, searchset(observation("o1")), everything))
        .isFalse();
  }

  private boolean allowed(RestOperationTypeEnum operation, IBaseResource response,
      TokenPermissions token) {
    return OutgoingResources.allAllowedByReadRules(operation, response, fhir, token, new ReadRuleShortcut(fhir));
  }

  private static Bundle searchset(Resource... resources) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    for (Resource resource : resources) {
      bundle.addEntry().setResource(resource);
    }
    return bundle;
  }

  private static Observation observation(String id) {
    Observation observation = new Observation();
    observation.setId("Observation/" + id);
    return observation;
  }

  private TokenPermissions permissions(String scopes) {
    return rules.permissionsFor(new SmartAccess("jti", "app", "client", null, null, null, ScopeSet.parse(scopes),
        Instant.now().plusSeconds(300)));
  }
}
