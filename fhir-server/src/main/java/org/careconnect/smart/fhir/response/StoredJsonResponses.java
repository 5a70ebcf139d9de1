package org.careconnect.smart.fhir.response;

import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.fhir.server.FhirServerInterceptor;
import org.careconnect.smart.fhir.store.StoredVersion;
import org.hl7.fhir.dstu3.model.Basic;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Answers reads and searches with each stored version's JSON encoded once, not once per request.
 * Encoding was about 80 % of a search's CPU (JFR), for text that only changes with the version.
 *
 * <p>How, without leaving HAPI's pipeline: when HAPI is about to write a plain JSON answer
 * ({@link PlainJsonResponse}), the stored resources in it are swapped for placeholders that cost
 * nothing to encode, so HAPI still sets every header (ETag, Last-Modified, Content-Type, ...) and
 * writes the Bundle around them; the writer HAPI writes into then puts each resource's cached JSON
 * where its placeholder is. The cached text is what HAPI itself wrote for that resource with this
 * request's parser, so the body is the same as before. A search Bundle whose entries are all
 * stored versions skips even that: {@link SearchBundleJson} writes it whole around the cached
 * JSON, and HAPI only sets the headers. Anything else (XML, {@code _summary},
 * {@code _elements}, {@code _pretty}, writes, history, resources not marked as a
 * {@link StoredVersion}) is encoded by HAPI as before.
 */
@Component
@Interceptor
public class StoredJsonResponses implements FhirServerInterceptor {

  private static final String WHOLE_BODY = StoredJsonResponses.class.getName() + ".wholeBody";
  private static final String PLACEHOLDERS = StoredJsonResponses.class.getName() + ".placeholders";
  private static final String MARKER = "urn:careconnect:stored-json:";

  private final StoredJsonCache cache;

  StoredJsonResponses(@Value("${careconnect.fhir.response.cache-json-characters}") long cacheJsonCharacters) {
    this.cache = new StoredJsonCache(cacheJsonCharacters);
  }

  /** Last of the outgoing-response hooks, so that others still see the real resources. */
  @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = Integer.MAX_VALUE)
  public void usePlaceholders(RequestDetails request, ResponseDetails response) {
    IBaseResource resource = response.getResponseResource();
    if (resource == null || !PlainJsonResponse.applies(request)) {
      return;
    }
    if (resource instanceof Bundle bundle && bundle.getType() == Bundle.BundleType.SEARCHSET) {
      // the cheap shape check first: the cached JSON is looked up once, here or for the placeholders
      List<String> allJson = SearchBundleJson.canWrite(bundle) ? allStored(request, bundle) : null;
      if (allJson != null) {
        request.getUserData().put(WHOLE_BODY, SearchBundleJson.write(bundle, allJson));
        response.setResponseResource(headersOnly(bundle));
        return;
      }
      Map<String, String> placeholders = new LinkedHashMap<>();
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        Resource stored = entry.getResource();
        if (stored != null && StoredVersion.isUnchanged(stored)) {
          String marker = MARKER + placeholders.size();
          placeholders.put(marker, json(request, stored));
          entry.setResource(new Basic().setImplicitRules(marker));
        }
      }
      if (!placeholders.isEmpty()) {
        request.getUserData().put(PLACEHOLDERS, placeholders);
      }
    } else if (resource instanceof Resource stored && StoredVersion.isUnchanged(stored)) {
      request.getUserData().put(WHOLE_BODY, json(request, stored));
      response.setResponseResource(headersOnly(stored));
    }
  }

  @Hook(Pointcut.SERVER_OUTGOING_WRITER_CREATED)
  public Writer spliceStoredJson(Writer writer, RequestDetails request) {
    String wholeBody = (String) request.getUserData().get(WHOLE_BODY);
    @SuppressWarnings("unchecked")
    Map<String, String> placeholders = (Map<String, String>) request.getUserData().get(PLACEHOLDERS);
    if (wholeBody == null && placeholders == null) {
      return writer;
    }
    return new SplicingWriter(writer, wholeBody, placeholders);
  }

  /** Each entry's cached JSON, or null if an entry's resource is not an unchanged stored version. */
  private List<String> allStored(RequestDetails request, Bundle bundle) {
    List<String> stored = new ArrayList<>(bundle.getEntry().size());
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource == null || !StoredVersion.isUnchanged(resource)) {
        return null;
      }
      stored.add(json(request, resource));
    }
    return stored;
  }

  private String json(RequestDetails request, Resource stored) {
    return cache.get(request.getFhirServerBase(), stored, () ->
        RestfulServerUtils.getNewParser(request.getServer().getFhirContext(), FhirVersionEnum.DSTU3, request)
            .encodeResourceToString(stored));
  }

  /** What HAPI reads its headers from (id with version, lastUpdated), and nothing to encode. */
  private static Resource headersOnly(Resource stored) {
    Resource shell = newInstance(stored);
    shell.setId(stored.getIdElement());
    shell.getMeta().setVersionIdElement(stored.getMeta().getVersionIdElement());
    shell.getMeta().setLastUpdatedElement(stored.getMeta().getLastUpdatedElement());
    return shell;
  }

  private static Resource newInstance(Resource stored) {
    try {
      return stored.getClass().getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
