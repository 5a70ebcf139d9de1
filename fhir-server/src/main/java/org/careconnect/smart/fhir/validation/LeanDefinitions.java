package org.careconnect.smart.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.util.List;
import org.hl7.fhir.dstu3.model.CodeSystem;
import org.hl7.fhir.dstu3.model.ElementDefinition;
import org.hl7.fhir.dstu3.model.StructureDefinition;
import org.hl7.fhir.dstu3.model.ValueSet;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Conformance resources as the validator needs them: HAPI's base STU3 definitions (every resource,
 * data type and core extension, plus the HL7 code systems and value sets) and the bundled Care
 * Connect ones, without the prose that the instance validator never reads: element
 * definitions, comments, requirements, aliases, examples, RIM and v2 mappings, narratives, and
 * the differential of the base types, whose snapshot says the same. They were the largest part of
 * the server's heap (issue 2's RSS and p99 targets): the validator holds them twice, as STU3
 * objects and as the R5 copies it converts them to.
 *
 * <p>HAPI keeps one copy of these definitions per JVM (the static strategy behind every {@link
 * DefaultProfileValidationSupport}), so that copy is trimmed once, before any validator of this
 * server uses it. This server never serves the base definitions themselves, so nothing a client
 * sees changes; codes, displays, constraints, bindings, types and cardinalities are kept.
 */
final class LeanDefinitions {

  private static final Object LOCK = new Object();
  private static volatile boolean trimmed;

  private LeanDefinitions() {}

  /** The base STU3 definitions support of {@code fhirContext}, trimmed (once per JVM). */
  static DefaultProfileValidationSupport load(FhirContext fhirContext) {
    DefaultProfileValidationSupport base = new DefaultProfileValidationSupport(fhirContext);
    if (!trimmed) {
      synchronized (LOCK) {
        if (!trimmed) {
          trim(base);
          trimmed = true;
        }
      }
    }
    return base;
  }

  private static void trim(DefaultProfileValidationSupport base) {
    base.<IBaseResource>fetchAllStructureDefinitions().forEach(LeanDefinitions::trim);
    // The code systems and value sets are read on the first terminology lookup; one lookup loads
    // them all, after which they are among the conformance resources.
    base.fetchCodeSystem("http://hl7.org/fhir/administrative-gender");
    base.fetchAllConformanceResources().forEach(LeanDefinitions::trim);
  }

  /**
   * Trims one conformance resource in place, as above (the differential only of base types); used
   * too for the bundled Care Connect definitions, which only the validator reads.
   */
  static void trim(IBaseResource resource) {
    if (resource instanceof StructureDefinition definition) {
      trim(definition);
    } else if (resource instanceof CodeSystem codeSystem) {
      trim(codeSystem);
    } else if (resource instanceof ValueSet valueSet) {
      valueSet.setText(null);
      valueSet.setDescription(null);
      valueSet.setPurpose(null);
      valueSet.setCopyright(null);
    }
  }

  private static void trim(StructureDefinition definition) {
    definition.setText(null);
    definition.setDescription(null);
    definition.setPurpose(null);
    definition.setCopyright(null);
    // Setters with null, not getX().clear(): HAPI creates a list on every get.
    definition.setMapping(null);
    definition.setKeyword(null);
    definition.setContact(null);
    if (definition.getDerivation() != StructureDefinition.TypeDerivationRule.CONSTRAINT) {
      // A base type's differential repeats its snapshot; profiles are built on the snapshot.
      definition.setDifferential(null);
    }
    if (definition.hasSnapshot()) {
      definition.getSnapshot().getElement().forEach(LeanDefinitions::trim);
    }
    if (definition.hasDifferential()) {
      definition.getDifferential().getElement().forEach(LeanDefinitions::trim);
    }
  }

  private static void trim(ElementDefinition element) {
    element.setDefinition(null);
    element.setComment(null);
    element.setRequirements(null);
    element.setMeaningWhenMissing(null);
    element.setAlias(null);
    element.setMapping(null);
    element.setExample(null);
    if (element.hasConstraint()) {
      element.getConstraint().forEach(constraint -> constraint.setRequirements(null));
    }
    if (element.hasBinding()) {
      element.getBinding().setDescription(null);
    }
  }

  private static void trim(CodeSystem codeSystem) {
    codeSystem.setText(null);
    codeSystem.setDescription(null);
    codeSystem.setPurpose(null);
    codeSystem.setCopyright(null);
    if (codeSystem.hasConcept()) {
      trimConcepts(codeSystem.getConcept());
    }
  }

  private static void trimConcepts(List<CodeSystem.ConceptDefinitionComponent> concepts) {
    for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
      concept.setDefinition(null);
      if (concept.hasConcept()) {
        trimConcepts(concept.getConcept());
      }
    }
  }
}
