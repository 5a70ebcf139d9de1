package org.careconnect.smart.fhir.transaction;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.regex.Pattern;
import org.careconnect.smart.fhir.server.ResourceIds;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.hl7.fhir.dstu3.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.dstu3.model.Bundle.BundleEntryRequestComponent;
import org.hl7.fhir.dstu3.model.Bundle.HTTPVerb;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * One entry of a batch or transaction, read and checked: what it asks for
 * ({@code Bundle.entry.request}, FHIR STU3 §3.1.0.11) against which resource.
 *
 * @param index the entry's position in the Bundle, for messages and the response
 * @param method POST (create), PUT (update), DELETE or GET (read, vread, search)
 * @param url {@code request.url} as sent, for messages
 * @param resourceType the type {@code request.url} names, served by this server
 * @param id the logical id in {@code request.url}, or null (create, conditional, search)
 * @param versionId the version of a vread ({@code Type/id/_history/v}), or null
 * @param query the query of a conditional update or delete, or of a search; null when none
 * @param resource {@code entry.resource}, present for POST and PUT
 * @param fullUrl {@code entry.fullUrl}, by which other entries may refer to this one
 * @param ifMatch the version the client expects the resource to be at ({@code If-Match}), or null
 * @param ifNoneExist the search of a conditional create ({@code If-None-Exist}), or null
 */
record EntryRequest(
    int index,
    HTTPVerb method,
    String url,
    String resourceType,
    String id,
    String versionId,
    String query,
    Resource resource,
    String fullUrl,
    String ifMatch,
    String ifNoneExist) {

  /** A URL with a scheme ({@code http://...}, {@code urn:...}), as opposed to a relative one. */
  private static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

  /** Where the entry is, for every message about it: {@code Bundle.entry[2] (PUT Patient/x)}. */
  String label() {
    return "Bundle.entry[" + index + "] (" + method.toCode() + " " + url + ")";
  }

  boolean conditional() {
    return query != null && id == null;
  }

  /**
   * Reads an entry. Anything malformed or unsupported is a 400; the caller names the entry.
   *
   * @param serverBase this server's base URL: an absolute {@code request.url} must start with it
   */
  static EntryRequest parse(int index, BundleEntryComponent entry, String serverBase, ResourceStores stores) {
    if (!entry.hasRequest() || entry.getRequest().getMethod() == null
        || entry.getRequest().getMethod() == HTTPVerb.NULL) {
      throw new InvalidRequestException(
          "request.method is missing: each entry of a batch or transaction says what to do");
    }
    BundleEntryRequestComponent request = entry.getRequest();
    HTTPVerb method = request.getMethod();
    if (!request.hasUrl() || request.getUrl().isBlank()) {
      throw new InvalidRequestException("request.url is missing");
    }
    String url = request.getUrl().trim();
    String relative = relativeTo(serverBase, url);
    int question = relative.indexOf('?');
    String path = question < 0 ? relative : relative.substring(0, question);
    String query = question < 0 ? null : relative.substring(question + 1);
    String[] parts = path.isEmpty() ? new String[0] : path.split("/", -1);
    if (parts.length == 0 || parts[0].isEmpty() || !Character.isUpperCase(parts[0].charAt(0))) {
      throw new InvalidRequestException(
          "request.url '" + url + "' names no resource type; system-level interactions"
              + " are not supported in a batch or transaction");
    }
    String type = parts[0];
    stores.forTypeName(type);
    String id = null;
    String version = null;
    if (parts.length == 2 || parts.length == 4) {
      id = parts[1];
      ResourceIds.requireValid(new IdType(type, id));
    }
    if (parts.length == 4 && "_history".equals(parts[2]) && !parts[3].isEmpty()) {
      version = parts[3];
    } else if (parts.length != 1 && parts.length != 2) {
      throw unsupportedUrl(url);
    }
    Resource resource = entry.getResource();
    if (resource != null && entry.hasFullUrl() && entry.getFullUrl().startsWith("urn:")
        && entry.getFullUrl().equals(resource.getIdElement().getValue())) {
      // HAPI's parser gives a resource without an id its entry's fullUrl as id; a urn is no id
      resource.setIdElement(null);
    }
    EntryRequest parsed =
        new EntryRequest(index, method, url, type, id, version, query, resource,
            entry.hasFullUrl() ? entry.getFullUrl() : null,
            blankToNull(request.getIfMatch()), blankToNull(request.getIfNoneExist()));
    parsed.checkShape();
    return parsed;
  }

  /** Each method takes only the URL forms, body and conditions FHIR gives it. */
  private void checkShape() {
    boolean instance = id != null && versionId == null;
    boolean typeLevel = id == null;
    switch (method) {
      case POST -> require(typeLevel && query == null,
          "a POST (create) goes to the type, e.g. 'Patient', not '" + url + "'");
      case PUT -> require((instance && query == null) || (typeLevel && query != null),
          "a PUT (update) goes to 'Type/id' or to a conditional 'Type?search', not '" + url + "'");
      case DELETE -> require((instance && query == null) || (typeLevel && query != null),
          "a DELETE goes to 'Type/id' or to a conditional 'Type?search', not '" + url + "'");
      case GET -> {
        // read (Type/id), vread (Type/id/_history/v) and search (Type?query) are all fine
      }
      default -> throw new InvalidRequestException(
          "request.method '" + method.toCode() + "' is not supported");
    }
    boolean writesBody = method == HTTPVerb.POST || method == HTTPVerb.PUT;
    if (writesBody && resource == null) {
      throw new InvalidRequestException("a " + method.toCode() + " needs entry.resource");
    }
    if (!writesBody && resource != null) {
      throw new InvalidRequestException("a " + method.toCode() + " takes no entry.resource");
    }
    if (writesBody && !resourceType.equals(resource.fhirType())) {
      throw new InvalidRequestException(
          "entry.resource is a " + resource.fhirType() + " but request.url '" + url
              + "' is for " + resourceType);
    }
    if (ifMatch != null && method != HTTPVerb.PUT) {
      throw new InvalidRequestException("request.ifMatch is supported on PUT (update) only");
    }
    if (ifNoneExist != null && method != HTTPVerb.POST) {
      throw new InvalidRequestException("request.ifNoneExist applies to POST (create) only");
    }
  }

  private static String relativeTo(String serverBase, String url) {
    String relative = url;
    if (ABSOLUTE.matcher(url).lookingAt()) {
      String base = serverBase.endsWith("/") ? serverBase : serverBase + "/";
      if (!url.startsWith(base)) {
        throw new InvalidRequestException(
            "request.url '" + url + "' is not on this server; use a URL relative to the base");
      }
      relative = url.substring(base.length());
    }
    return relative.startsWith("/") ? relative.substring(1) : relative;
  }

  private static InvalidRequestException unsupportedUrl(String url) {
    return new InvalidRequestException(
        "request.url '" + url + "' is not supported in a batch or transaction; entries"
            + " can create, update, delete, read, vread and search");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new InvalidRequestException(message);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
