package org.careconnect.smart.fhir.response;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The JSON answer of each stored version, as HAPI encoded it once for a plain JSON response
 * (no {@code _summary}, {@code _elements} or pretty printing). A version never changes, so the
 * text stays right; the server base is part of the key because HAPI writes references to this
 * server relative to it. Bounded by characters of JSON.
 */
final class StoredJsonCache {

  private final Cache<String, String> encoded;

  StoredJsonCache(long maxJsonCharacters) {
    this.encoded =
        Caffeine.newBuilder()
            .maximumWeight(maxJsonCharacters)
            .weigher((String key, String json) -> json.length())
            .build();
  }

  String get(String serverBase, IBaseResource resource, Supplier<String> encoder) {
    String key = serverBase + ' ' + resource.getIdElement().toUnqualified().getValue();
    return encoded.get(key, k -> encoder.get());
  }
}
