package org.careconnect.smart.fhir.store.jdbc;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.careconnect.smart.fhir.store.HistoryQuery;
import org.careconnect.smart.fhir.store.ResourceStore;
import org.careconnect.smart.fhir.store.SearchQuery;
import org.careconnect.smart.fhir.store.StoreTransactions;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The default store: resources kept losslessly as JSON in a relational database (H2 or MySQL),
 * every version kept, searchable values in indexed columns. One instance per resource type.
 */
public class JdbcResourceStore<T extends Resource> implements ResourceStore<T> {

  private final JdbcTemplate jdbc;
  private final FhirContext fhirContext;
  private final StoreTransactions transactions;
  private final ResourceSearchParameters<T> parameters;
  private final JdbcIndexWriter<T> indexWriter;
  private final Clock clock;
  private final ParsedResourceCache cache;

  public JdbcResourceStore(
      JdbcTemplate jdbc,
      FhirContext fhirContext,
      StoreTransactions transactions,
      ResourceSearchParameters<T> parameters,
      Clock clock,
      ParsedResourceCache cache) {
    this.jdbc = jdbc;
    this.fhirContext = fhirContext;
    this.transactions = transactions;
    this.parameters = parameters;
    this.indexWriter = new JdbcIndexWriter<>(jdbc, parameters);
    this.clock = clock;
    this.cache = cache;
  }

  @Override
  public Class<T> resourceType() {
    return parameters.type();
  }

  private String typeName() {
    return parameters.typeName();
  }

  @Override
  public T read(String id) {
    List<long[]> current =
        jdbc.query(
            "SELECT pk, version_id, deleted FROM fhir_resource WHERE res_type = ? AND res_id = ?",
            (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getBoolean(3) ? 1 : 0},
            typeName(),
            id);
    if (current.isEmpty()) {
      throw notFound(id);
    }
    if (current.get(0)[2] == 1) {
      throw new ResourceGoneException("Resource " + typeName() + "/" + id + " has been deleted");
    }
    long pk = current.get(0)[0];
    long version = current.get(0)[1];
    return cache.get(typeName(), id, version, () -> bodyOf(pk, version), this::parse);
  }

  private String bodyOf(long pk, long version) {
    return jdbc.queryForObject(
        "SELECT body FROM fhir_resource_version WHERE res_pk = ? AND version_id = ?",
        String.class, pk, version);
  }

  @Override
  public T readVersion(String id, long versionId) {
    List<String> bodies =
        jdbc.queryForList(
            "SELECT v.body FROM fhir_resource r"
                + " JOIN fhir_resource_version v ON v.res_pk = r.pk"
                + " WHERE r.res_type = ? AND r.res_id = ? AND v.version_id = ?",
            String.class,
            typeName(),
            id,
            versionId);
    if (bodies.isEmpty() || bodies.get(0) == null) {
      throw new ResourceNotFoundException(
          "Resource " + typeName() + "/" + id + "/_history/" + versionId + " is not known");
    }
    String body = bodies.get(0);
    return cache.get(typeName(), id, versionId, () -> body, this::parse);
  }

  @Override
  public T create(T resource) {
    return transactions.inTransaction(() -> insertNew(resource.getIdElement().getIdPart(), resource));
  }

  @Override
  public WriteResult<T> update(String id, T resource, Long expectedVersion) {
    return transactions.inTransaction(
        () -> {
          List<long[]> current =
              jdbc.query(
                  "SELECT pk, version_id FROM fhir_resource WHERE res_type = ? AND res_id = ? FOR UPDATE",
                  (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
                  typeName(),
                  id);
          if (current.isEmpty()) {
            if (expectedVersion != null) {
              throw new PreconditionFailedException(
                  "Resource " + typeName() + "/" + id + " does not exist, so version "
                      + expectedVersion + " is not current");
            }
            return new WriteResult<>(insertNew(id, resource), true);
          }
          long pk = current.get(0)[0];
          long version = current.get(0)[1];
          if (expectedVersion != null && expectedVersion != version) {
            throw new PreconditionFailedException(
                "Version conflict: " + typeName() + "/" + id + " is at version " + version
                    + ", not " + expectedVersion);
          }
          T stored = writeVersion(pk, id, version, resource, "PUT");
          return new WriteResult<>(stored, false);
        });
  }

  @Override
  public Long delete(String id) {
    return transactions.inTransaction(
        () -> {
          List<Object[]> current =
              jdbc.query(
                  "SELECT pk, version_id, deleted FROM fhir_resource WHERE res_type = ? AND res_id = ? FOR UPDATE",
                  (rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBoolean(3)},
                  typeName(),
                  id);
          if (current.isEmpty()) {
            throw notFound(id);
          }
          if ((Boolean) current.get(0)[2]) {
            return null;
          }
          long pk = (Long) current.get(0)[0];
          long version = (Long) current.get(0)[1];
          writeVersion(pk, id, version, null, "DELETE");
          return version + 1;
        });
  }

  @Override
  public List<T> search(SearchQuery query, int offset, int count) {
    SearchSql sql = new SearchSql(query);
    List<Object[]> page =
        jdbc.query(
            sql.pageSql(),
            (rs, n) -> new Object[] {rs.getLong("pk"), rs.getString("res_id"), rs.getLong("version_id")},
            sql.pageArgs(offset, count));
    java.util.Map<Long, String> missing = new java.util.HashMap<>();
    for (Object[] row : page) {
      if (!cache.contains(typeName(), (String) row[1], (Long) row[2])) {
        missing.put((Long) row[0], null);
      }
    }
    if (!missing.isEmpty()) {
      jdbc.query(
          "SELECT v.res_pk, v.body FROM fhir_resource r JOIN fhir_resource_version v"
              + " ON v.res_pk = r.pk AND v.version_id = r.version_id WHERE r.pk IN ("
              + String.join(", ", java.util.Collections.nCopies(missing.size(), "?")) + ")",
          (org.springframework.jdbc.core.RowCallbackHandler)
              rs -> missing.put(rs.getLong(1), rs.getString(2)),
          missing.keySet().toArray());
    }
    List<T> resources = new ArrayList<>(page.size());
    for (Object[] row : page) {
      long pk = (Long) row[0];
      long version = (Long) row[2];
      String body = missing.get(pk);
      // The body is null when the cache held the version a moment ago: read it if it was evicted since.
      resources.add(cache.get(typeName(), (String) row[1], version,
          () -> body != null ? body : bodyOf(pk, version), this::parse));
    }
    return resources;
  }

  @Override
  public int count(SearchQuery query) {
    SearchSql sql = new SearchSql(query);
    Integer total = jdbc.queryForObject(sql.countSql(), Integer.class, sql.countArgs());
    return total == null ? 0 : total;
  }

  @Override
  public List<T> history(HistoryQuery query, int offset, int count) {
    List<Object> args = new ArrayList<>();
    String where = historyWhere(query, args);
    args.add(count);
    args.add(offset);
    return jdbc.query(
        "SELECT r.res_id, v.version_id, v.last_updated, v.method, v.body FROM fhir_resource_version v"
            + " JOIN fhir_resource r ON r.pk = v.res_pk WHERE " + where
            + " ORDER BY v.last_updated DESC, v.res_pk DESC, v.version_id DESC LIMIT ? OFFSET ?",
        (rs, n) -> historyEntry(rs),
        args.toArray());
  }

  @Override
  public int countHistory(HistoryQuery query) {
    List<Object> args = new ArrayList<>();
    String where = historyWhere(query, args);
    Integer total =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM fhir_resource_version v JOIN fhir_resource r ON r.pk = v.res_pk WHERE "
                + where,
            Integer.class,
            args.toArray());
    return total == null ? 0 : total;
  }

  private String historyWhere(HistoryQuery query, List<Object> args) {
    StringBuilder where = new StringBuilder("v.res_type = ?");
    args.add(typeName());
    if (query.id() != null) {
      where.append(" AND r.res_id = ?");
      args.add(query.id());
    }
    if (query.sinceMillis() != null) {
      where.append(" AND v.last_updated >= ?");
      args.add(query.sinceMillis());
    }
    return where.toString();
  }

  private T historyEntry(ResultSet rs) throws SQLException {
    String id = rs.getString("res_id");
    long version = rs.getLong("version_id");
    String body = rs.getString("body");
    if (body != null) {
      T resource = parse(body, id, version);
      ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.put(
          resource,
          "POST".equals(rs.getString("method"))
              ? BundleEntryTransactionMethodEnum.POST
              : BundleEntryTransactionMethodEnum.PUT);
      return resource;
    }
    T tombstone = newInstance();
    tombstone.setId(new IdType(typeName(), id, String.valueOf(version)));
    InstantType deletedAt = new InstantType(new Date(rs.getLong("last_updated")));
    tombstone.getMeta().setVersionId(String.valueOf(version)).setLastUpdatedElement(deletedAt);
    ResourceMetadataKeyEnum.DELETED_AT.put(tombstone, deletedAt);
    ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.put(
        tombstone, BundleEntryTransactionMethodEnum.DELETE);
    return tombstone;
  }

  private T insertNew(String id, T resource) {
    long now = clock.millis();
    stamp(resource, id, 1, now);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    try {
      jdbc.update(
          connection -> {
            var statement =
                connection.prepareStatement(
                    "INSERT INTO fhir_resource (res_type, res_id, version_id, last_updated, deleted)"
                        + " VALUES (?, ?, 1, ?, FALSE)",
                    new String[] {"pk"});
            statement.setString(1, typeName());
            statement.setString(2, id);
            statement.setLong(3, now);
            return statement;
          },
          key);
    } catch (DuplicateKeyException e) {
      throw new ResourceVersionConflictException(
          "Resource " + typeName() + "/" + id + " was created by another request at the same time");
    }
    long pk = key.getKey().longValue();
    insertVersion(pk, 1, now, "POST", encode(resource));
    indexWriter.replace(pk, resource, true);
    return resource;
  }

  private T writeVersion(long pk, String id, long currentVersion, T resource, String method) {
    long now = clock.millis();
    long next = currentVersion + 1;
    int updated =
        jdbc.update(
            "UPDATE fhir_resource SET version_id = ?, last_updated = ?, deleted = ?"
                + " WHERE pk = ? AND version_id = ?",
            next,
            now,
            resource == null,
            pk,
            currentVersion);
    if (updated != 1) {
      throw new ResourceVersionConflictException(
          "Resource " + typeName() + "/" + id + " was changed by another request at the same time");
    }
    String body = null;
    if (resource != null) {
      stamp(resource, id, next, now);
      body = encode(resource);
    }
    insertVersion(pk, next, now, method, body);
    indexWriter.replace(pk, resource, false);
    return resource;
  }

  private void insertVersion(long pk, long version, long now, String method, String body) {
    jdbc.update(
        "INSERT INTO fhir_resource_version (res_pk, version_id, res_type, last_updated, method, body)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        pk,
        version,
        typeName(),
        now,
        method,
        body);
  }

  /** The server-set parts of a stored resource: its id, version and time of writing. */
  private void stamp(T resource, String id, long version, long now) {
    resource.setId(new IdType(typeName(), id, String.valueOf(version)));
    resource.getMeta().setVersionId(String.valueOf(version));
    resource.getMeta().setLastUpdated(new Date(now));
  }

  private String encode(T resource) {
    return fhirContext.newJsonParser().encodeResourceToString(resource);
  }

  private T parse(String body, String id, long version) {
    T resource = fhirContext.newJsonParser().parseResource(resourceType(), body);
    resource.setId(new IdType(typeName(), id, String.valueOf(version)));
    return resource;
  }

  private T newInstance() {
    try {
      return resourceType().getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("Resource " + typeName() + "/" + id + " is not known");
  }
}
