package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildChoiceDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.RuntimeSearchParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Whether a resource is in a patient's compartment, with the answer of HAPI's compartment check
 * ({@code FhirTerser.isSourceInCompartmentForTarget}, which HAPI's compartment rules make for
 * every resource going out) at a fraction of its cost. The terser parses each compartment search
 * parameter's path and walks it generically on every call; here the paths come from the same
 * place, HAPI's STU3 definitions ({@link RuntimeResourceDefinition#getSearchParamsForCompartmentName}),
 * and each one-step path ({@code Observation.subject}) is resolved once per type to the element
 * it reads. A type with any other path (several steps, a choice element) is left to the terser.
 */
final class PatientCompartment {

  private static final String COMPARTMENT = "Patient";

  private final FhirContext fhirContext;
  /** For each type: the elements its compartment parameters read, or null when the terser must walk them. */
  private final Map<String, Paths> pathsByType = new ConcurrentHashMap<>();

  PatientCompartment(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  /** Whether {@code resource}, of type {@code type}, is in the compartment of {@code owner} ({@code Patient/id}). */
  boolean contains(String type, IBaseResource resource, IIdType owner) {
    String wanted = unqualifiedVersionless(owner);
    IIdType id = resource.getIdElement();
    if (id != null && id.hasIdPart() && isTypeSlashId(wanted, type, id.getIdPart())) {
      return true; // the owner itself, as the terser decides first
    }
    Paths paths = pathsByType.computeIfAbsent(type, this::pathsOf);
    if (paths.elements == null) {
      return fhirContext.newTerser().isSourceInCompartmentForTarget(COMPARTMENT, resource, owner);
    }
    for (BaseRuntimeChildDefinition element : paths.elements) {
      for (IBase value : element.getAccessor().getValues(resource)) {
        if (value instanceof IBaseReference reference && refersTo(reference, wanted)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The terser's comparison: the reference's id without base URL and version. A reference
   * without an id (a resource object only) is not compared here: false, and the caller's fallback
   * (HAPI's rules) decides.
   */
  private static boolean refersTo(IBaseReference reference, String wanted) {
    if (reference instanceof Reference plain) {
      // Parsing the reference into an id, twice, cost more than the rest of the check: answered
      // from the text where it can be. The parsed id's "Type/id" is a piece of the text, so a text
      // without "Patient/<id>" in it cannot refer to the owner; one that is exactly that does.
      String text = plain.getReference();
      if (text == null || !text.contains(wanted)) {
        return false;
      }
      if (text.length() == wanted.length()) {
        return true;
      }
    }
    IIdType target = reference.getReferenceElement();
    return target != null && !target.isEmpty() && wanted.equals(target.toUnqualifiedVersionless().getValue());
  }

  /**
   * What {@code toUnqualifiedVersionless().getValue()} gives, without making a new id (and its
   * text) for each resource checked: the owner's own text when it is already {@code Type/id}.
   */
  private static String unqualifiedVersionless(IIdType owner) {
    if (!owner.hasResourceType() || !owner.hasIdPart()) {
      return owner.toUnqualifiedVersionless().getValue();
    }
    String value = owner.getValue();
    return value != null && isTypeSlashId(value, owner.getResourceType(), owner.getIdPart())
        ? value : owner.getResourceType() + '/' + owner.getIdPart();
  }

  /** Whether {@code text} is exactly {@code type/id}, without building that text. */
  private static boolean isTypeSlashId(String text, String type, String id) {
    return text.length() == type.length() + 1 + id.length()
        && text.startsWith(type) && text.charAt(type.length()) == '/' && text.endsWith(id);
  }

  private Paths pathsOf(String type) {
    RuntimeResourceDefinition definition = fhirContext.getResourceDefinition(type);
    List<BaseRuntimeChildDefinition> elements = new ArrayList<>();
    for (RuntimeSearchParam parameter : definition.getSearchParamsForCompartmentName(COMPARTMENT)) {
      for (String path : parameter.getPathsSplit()) {
        String trimmed = path.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        String[] steps = trimmed.split("\\.");
        BaseRuntimeChildDefinition child = steps.length == 2 && steps[0].equals(type)
            ? definition.getChildByName(steps[1]) : null;
        if (child == null || child instanceof RuntimeChildChoiceDefinition) {
          return new Paths(null);
        }
        elements.add(child);
      }
    }
    return new Paths(List.copyOf(elements));
  }

  /** @param elements null: walk with the terser */
  private record Paths(List<BaseRuntimeChildDefinition> elements) {}
}
