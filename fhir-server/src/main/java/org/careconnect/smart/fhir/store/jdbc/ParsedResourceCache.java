package org.careconnect.smart.fhir.store.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import org.careconnect.smart.fhir.store.StoredVersion;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Parsed resources by type, id and version. Parsing the stored JSON was the largest cost of a
 * read after encoding the answer; a version never changes once written, so a cached parse is
 * always right, on any number of nodes (the current version number still comes from the
 * database on every read). Callers get a deep copy, because HAPI and the include resolver attach
 * data to the objects they are given; copies are marked as {@link StoredVersion}s. Bounded by the size of the JSON it stands for.
 */
final class ParsedResourceCache {

  /** Parses a stored body into the resource of a given id and version. */
  interface Parser<T> {
    T parse(String body, String id, long version);
  }

  private final Cache<String, Resource> parsed;

  ParsedResourceCache(long maxJsonCharacters) {
    this.parsed =
        Caffeine.newBuilder()
            .maximumWeight(maxJsonCharacters)
            .weigher((String key, Resource value) -> weightOf(value))
            .build();
  }

  boolean contains(String type, String id, long version) {
    return parsed.getIfPresent(key(type, id, version)) != null;
  }

  @SuppressWarnings("unchecked")
  <T extends Resource> T get(String type, String id, long version, Supplier<String> body, Parser<T> parser) {
    Resource master = parsed.get(key(type, id, version), k -> {
      String json = body.get();
      T resource = parser.parse(json, id, version);
      resource.setUserData(WEIGHT, json.length());
      return resource;
    });
    T copy = (T) master.copy();
    copy.setId(master.getIdElement().copy());
    return StoredVersion.mark(copy);
  }

  private static final String WEIGHT = ParsedResourceCache.class.getName() + ".weight";

  private static int weightOf(Resource resource) {
    Object weight = resource.getUserData(WEIGHT);
    return weight instanceof Integer w ? w : 1_000;
  }

  private static String key(String type, String id, long version) {
    return type + '/' + id + '/' + version;
  }
}
