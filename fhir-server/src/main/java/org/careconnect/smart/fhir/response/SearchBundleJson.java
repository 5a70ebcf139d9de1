package org.careconnect.smart.fhir.response;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import org.hl7.fhir.dstu3.model.BackboneElement;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Element;
import org.hl7.fhir.dstu3.model.Meta;

/**
 * Writes a search Bundle whose resources are all cached JSON, as the text HAPI's JSON parser
 * would write for it, without HAPI's encoder. With each resource already spliced in from the
 * cache, encoding the Bundle around them was still a fifth of an Observation search's CPU (JFR):
 * HAPI walks every element by reflection and writes each string through an ObjectMapper. The
 * cached JSON is appended as it is, not copied through a JSON generator.
 *
 * <p>It writes only the elements a search Bundle of this server has, in the order of the STU3
 * model (which is the order HAPI writes): id, meta.lastUpdated, type, total, link (relation, url),
 * entry (fullUrl, resource, search.mode). {@link #canWrite} says no to a Bundle with anything
 * else, which then goes to HAPI's encoder; {@code SearchBundleJsonTest} holds the two to the same
 * text.
 */
final class SearchBundleJson {

  /** Jackson's string escaping, as in HAPI's writer: quotes, backslashes and controls only. */
  private static final JsonStringEncoder ESCAPER = JsonStringEncoder.getInstance();

  private SearchBundleJson() {}

  /** True when the Bundle holds nothing but what {@link #write} writes. */
  static boolean canWrite(Bundle bundle) {
    if (bundle.getType() != Bundle.BundleType.SEARCHSET || bundle.hasImplicitRules() || bundle.hasLanguage()
        || bundle.hasIdentifier() || bundle.hasSignature() || !onlyLastUpdated(bundle.getMeta())) {
      return false;
    }
    for (Bundle.BundleLinkComponent link : bundle.getLink()) {
      if (decorated(link)) {
        return false;
      }
    }
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (decorated(entry) || entry.hasLink() || entry.hasRequest() || entry.hasResponse() || !entry.hasResource()
          || (entry.hasSearch() && (decorated(entry.getSearch()) || entry.getSearch().hasScore()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The Bundle's JSON with {@code resources.get(i)} as the resource of entry i.
   *
   * @param resources each entry's resource as JSON, as HAPI's parser wrote it
   */
  static String write(Bundle bundle, List<String> resources) {
    StringBuilder json = new StringBuilder(256 + 160 * resources.size()
        + resources.stream().mapToInt(String::length).sum());
    json.append("{\"resourceType\":\"Bundle\"");
    if (bundle.getIdElement().hasIdPart()) {
      field(json.append(','), "id", bundle.getIdElement().getIdPart());
    }
    if (bundle.getMeta().hasLastUpdated()) {
      field(json.append(",\"meta\":{"), "lastUpdated", bundle.getMeta().getLastUpdatedElement().getValueAsString())
          .append('}');
    }
    field(json.append(','), "type", bundle.getType().toCode());
    if (bundle.hasTotal()) {
      json.append(",\"total\":").append(bundle.getTotal());
    }
    if (bundle.hasLink()) {
      json.append(",\"link\":[");
      for (Bundle.BundleLinkComponent link : bundle.getLink()) {
        json.append('{');
        int start = json.length();
        fieldIfPresent(json, start, "relation", link.getRelation());
        fieldIfPresent(json, start, "url", link.getUrl());
        json.append("},");
      }
      json.setCharAt(json.length() - 1, ']');
    }
    if (bundle.hasEntry()) {
      json.append(",\"entry\":[");
      for (int i = 0; i < bundle.getEntry().size(); i++) {
        Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
        json.append('{');
        if (entry.getFullUrl() != null && !entry.getFullUrl().isEmpty()) {
          field(json, "fullUrl", entry.getFullUrl()).append(',');
        }
        json.append("\"resource\":").append(resources.get(i));
        if (entry.hasSearch() && entry.getSearch().hasMode()) {
          field(json.append(",\"search\":{"), "mode", entry.getSearch().getMode().toCode()).append('}');
        }
        json.append("},");
      }
      json.setCharAt(json.length() - 1, ']');
    }
    return json.append('}').toString();
  }

  /** {@code "name":"value"}, the value escaped as Jackson (and so HAPI) escapes it. */
  private static StringBuilder field(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\":\"");
    ESCAPER.quoteAsString(value, json);
    return json.append('"');
  }

  private static void fieldIfPresent(StringBuilder json, int objectStart, String name, String value) {
    if (value != null && !value.isEmpty()) {
      field(json.length() > objectStart ? json.append(',') : json, name, value);
    }
  }

  private static boolean onlyLastUpdated(Meta meta) {
    return !decorated(meta) && !meta.hasVersionId() && !meta.hasProfile() && !meta.hasSecurity() && !meta.hasTag();
  }

  /** An element id or extensions: nothing a search Bundle of this server carries. */
  private static boolean decorated(Element element) {
    return element.hasId() || element.hasExtension()
        || (element instanceof BackboneElement backbone && backbone.hasModifierExtension());
  }

}
