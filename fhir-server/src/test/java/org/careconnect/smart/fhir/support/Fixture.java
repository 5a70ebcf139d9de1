package org.careconnect.smart.fhir.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * How to build one Care Connect shaped resource from a {@link Variant}, and how to find it by
 * each of its search parameters: {@code example("code", v -> SNOMED + "|" + v.pick(...))} says
 * that {@code code=<value>} matches the resource built from that variant and not the other one.
 * An example yielding null has no value in that variant.
 */
public final class Fixture {

  public static final String SNOMED = "http://snomed.info/sct";
  public static final String LOINC = "http://loinc.org";
  /** The identifier system of test data made up here. */
  public static final String LOCAL_ID = "https://careconnect-smart.example.org/Id/";

  private final String name;
  private final String type;
  private final Function<Variant, Resource> build;
  private final Map<String, Function<Variant, String>> examples = new LinkedHashMap<>();

  /** Every fixture: each searchable type, and each choice-element alternative. */
  public static List<Fixture> all() {
    return Stream.concat(DirectoryFixtures.ALL.stream(), ClinicalFixtures.ALL.stream()).toList();
  }

  Fixture(String name, String type, Function<Variant, Resource> build) {
    this.name = name;
    this.type = type;
    this.build = build;
  }

  Fixture example(String parameter, Function<Variant, String> value) {
    examples.put(parameter, value);
    return this;
  }

  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  public Resource build(Variant variant) {
    Resource resource = build.apply(variant);
    resource.setId(variant.id(name));
    return resource;
  }

  public Map<String, Function<Variant, String>> examples() {
    return Collections.unmodifiableMap(examples);
  }

  @Override
  public String toString() {
    return name;
  }

  static CodeableConcept concept(String system, String code, String display) {
    return new CodeableConcept().addCoding(new Coding(system, code, display));
  }

  static CodeableConcept snomed(String code, String display) {
    return concept(SNOMED, code, display);
  }

  static Reference ref(String reference) {
    return new Reference(reference);
  }

  static Identifier localId(String kind, Variant v) {
    return new Identifier().setSystem(LOCAL_ID + kind).setValue(v.identifier(kind));
  }

  /** The token of {@link #localId}. */
  static String localToken(String kind, Variant v) {
    return LOCAL_ID + kind + "|" + v.identifier(kind);
  }
}
