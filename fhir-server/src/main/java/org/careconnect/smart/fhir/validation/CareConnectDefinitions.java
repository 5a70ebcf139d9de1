package org.careconnect.smart.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.MetadataResource;
import org.hl7.fhir.dstu3.model.StructureDefinition;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Care Connect STU3 conformance resources shipped inside the server (classpath folder
 * {@value #LOCATION}, HL7 UK, Apache-2.0, see SOURCE.md there): StructureDefinitions, ValueSets,
 * CodeSystems and ConceptMaps. Read once from the classpath, never from the network, so the
 * server validates the same way wherever it runs.
 */
@Component
class CareConnectDefinitions {

  static final String LOCATION = "careconnect-stu3";

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final List<MetadataResource> resources;
  private final Map<String, StructureDefinition> structureDefinitions;

  CareConnectDefinitions(FhirContext fhirContext) {
    this.resources = Collections.unmodifiableList(load(fhirContext));
    Map<String, StructureDefinition> byUrl = new LinkedHashMap<>();
    for (MetadataResource resource : resources) {
      if (resource instanceof StructureDefinition definition) {
        byUrl.put(definition.getUrl(), definition);
      }
    }
    this.structureDefinitions = Collections.unmodifiableMap(byUrl);
  }

  /** Every bundled conformance resource (StructureDefinition, ValueSet, CodeSystem, ConceptMap). */
  List<MetadataResource> all() {
    return resources;
  }

  /**
   * The bundled profile with this canonical URL that constrains {@code resourceType} (a profile
   * of a resource, not an extension or a data type), if there is one.
   */
  Optional<StructureDefinition> profileOf(String resourceType, String url) {
    StructureDefinition definition = structureDefinitions.get(url);
    if (definition == null
        || definition.getKind() != StructureDefinition.StructureDefinitionKind.RESOURCE
        || definition.getDerivation() != StructureDefinition.TypeDerivationRule.CONSTRAINT
        || !resourceType.equals(definition.getType())) {
      return Optional.empty();
    }
    return Optional.of(definition);
  }

  /** The URLs of the bundled profiles of {@code resourceType}. */
  List<String> profilesOf(String resourceType) {
    return structureDefinitions.keySet().stream()
        .filter(url -> profileOf(resourceType, url).isPresent())
        .toList();
  }

  private static List<MetadataResource> load(FhirContext fhirContext) {
    // Its own parser: the files are definitions we ship, parsed with the server's strict
    // settings so that a damaged file fails start-up rather than validating wrongly.
    IParser parser = fhirContext.newXmlParser();
    List<MetadataResource> loaded = new ArrayList<>();
    for (Resource file : files()) {
      try (InputStream in = file.getInputStream()) {
        String xml = new String(withoutBom(in.readAllBytes()), StandardCharsets.UTF_8);
        MetadataResource resource = (MetadataResource) parser.parseResource(xml);
        // Only the validator and the profile lookups read them: their prose would be heap only.
        LeanDefinitions.trim(resource);
        loaded.add(resource);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file.getDescription(), e);
      } catch (RuntimeException e) {
        throw new IllegalStateException("Cannot parse " + file.getDescription(), e);
      }
    }
    if (loaded.isEmpty()) {
      throw new IllegalStateException("No Care Connect definitions found under classpath:" + LOCATION);
    }
    return loaded;
  }

  private static List<Resource> files() {
    try {
      Resource[] found =
          new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "/**/*.xml");
      return Arrays.stream(found).sorted(Comparator.comparing(Resource::getDescription)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Six upstream files start with a UTF-8 byte order mark, which the XML parser refuses. */
  static byte[] withoutBom(byte[] bytes) {
    if (bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2]) {
      return Arrays.copyOfRange(bytes, 3, bytes.length);
    }
    return bytes;
  }
}
