package org.careconnect.smart.fhir.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.careconnect.smart.fhir.search.IndexValues;
import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.careconnect.smart.fhir.store.SearchQuery;
import org.careconnect.smart.fhir.store.SearchQuery.SearchClause;
import org.careconnect.smart.fhir.store.SearchQuery.SortClause;
import org.careconnect.smart.fhir.store.SearchValue;

/**
 * Builds the SQL of a search over the index tables; the SQL is the portable subset that H2 and
 * MySQL/MariaDB both run.
 *
 * <p>One clause drives the search: it becomes {@code r.pk IN (subquery)}, answered by a range
 * scan of its index, and every other clause only filters those rows through a correlated
 * {@code EXISTS} on the index's {@code res_pk}. The driver is the clause likely to match the
 * fewest rows (see {@link #selectivityRank}). Left to itself, H2 drove
 * {@code Observation?patient=X&category=vital-signs} from the category, scanning every vital
 * sign of every patient: the cost grew with the population instead of with the patient's record.
 */
final class SearchSql {

  /** The escape character of LIKE patterns: '!' needs no escaping in either database's strings. */
  private static final char LIKE_ESCAPE = '!';

  private final StringBuilder where = new StringBuilder("r.res_type = ? AND r.deleted = FALSE");
  private final List<Object> args = new ArrayList<>();
  private final List<Object> orderArgs = new ArrayList<>();
  private final String orderBy;
  /** The driving clause's own query and arguments, when it is the only clause, else null. */
  private String soleIndexQuery;
  private List<Object> soleIndexArgs;

  SearchSql(SearchQuery query) {
    args.add(query.resourceType());
    SearchClause driver = query.clauses().stream()
        .min(java.util.Comparator.comparingInt(SearchSql::selectivityRank))
        .orElse(null);
    for (SearchClause clause : query.clauses()) {
      where.append(" AND ");
      int sqlFrom = where.length();
      int argsFrom = args.size();
      appendClause(query.resourceType(), clause, clause == driver);
      if (query.clauses().size() == 1 && where.indexOf("r.pk IN (SELECT ", sqlFrom) == sqlFrom) {
        soleIndexQuery = where.substring(sqlFrom + "r.pk IN (".length(), where.length() - 1);
        soleIndexArgs = List.copyOf(args.subList(argsFrom, args.size()));
      }
    }
    orderBy = orderBy(query.sort());
  }

  /**
   * Lower is likely more selective: an id or a reference names one resource's neighbourhood, an
   * identifier or an exact string few resources, a date or a plain code (a category, a status)
   * possibly most of the type.
   */
  private static int selectivityRank(SearchClause clause) {
    String name = clause.parameter();
    if (ResourceSearchParameters.ID.equals(name)) {
      return 0;
    }
    if (ResourceSearchParameters.LAST_UPDATED.equals(name)) {
      return 9;
    }
    return switch (clause.type()) {
      case REFERENCE -> 1;
      case TOKEN -> "identifier".equals(name) ? 2 : 6;
      case STRING -> clause.anyOf().stream()
          .allMatch(v -> ((SearchValue.Text) v).match() == SearchValue.Text.Match.EXACT) ? 3 : 4;
      case DATE -> 5;
    };
  }

  /**
   * With one index clause, the index alone answers the count: index rows exist only for current,
   * undeleted versions (they are replaced on every write), so no resource row need be read. A
   * family shared by 531 of 50,000 patients cost 531 row look-ups per search for the total.
   */
  String countSql() {
    if (soleIndexQuery != null) {
      int from = soleIndexQuery.indexOf(" FROM ");
      return "SELECT COUNT(DISTINCT " + soleIndexQuery.substring("SELECT ".length(), from) + ")"
          + soleIndexQuery.substring(from);
    }
    return "SELECT COUNT(*) FROM fhir_resource r WHERE " + where;
  }

  String pageSql() {
    return "SELECT r.pk, r.res_id, r.version_id FROM fhir_resource r"
        + " WHERE " + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
  }

  Object[] countArgs() {
    if (soleIndexQuery != null) {
      return soleIndexArgs.toArray();
    }
    return args.toArray();
  }

  Object[] pageArgs(int offset, int count) {
    List<Object> all = new ArrayList<>(args);
    all.addAll(orderArgs);
    all.add(count);
    all.add(offset);
    return all.toArray();
  }

  private void appendClause(String resourceType, SearchClause clause, boolean driving) {
    String name = clause.parameter();
    if (ResourceSearchParameters.ID.equals(name)) {
      where.append("r.res_id IN (").append(placeholders(clause.anyOf().size())).append(')');
      clause.anyOf().forEach(v -> args.add(((SearchValue.Token) v).code()));
      return;
    }
    if (ResourceSearchParameters.LAST_UPDATED.equals(name)) {
      where.append('(');
      appendOr(clause, v -> appendDate((SearchValue.DateRange) v, "r.last_updated", "r.last_updated"));
      where.append(')');
      return;
    }
    switch (clause.type()) {
      case TOKEN -> {
        openSubquery("idx_token", "t", resourceType, name, driving);
        appendOr(clause, v -> appendToken((SearchValue.Token) v));
      }
      case STRING -> {
        openSubquery("idx_string", "s", resourceType, name, driving);
        appendOr(clause, v -> appendString((SearchValue.Text) v));
      }
      case DATE -> {
        openSubquery("idx_date", "d", resourceType, name, driving);
        appendOr(clause, v -> appendDate((SearchValue.DateRange) v, "d.low_ms", "d.high_ms"));
      }
      case REFERENCE -> {
        openSubquery("idx_reference", "x", resourceType, name, driving);
        appendOr(clause, v -> appendReference((SearchValue.Ref) v));
      }
    }
    where.append("))");
  }

  private void openSubquery(String table, String alias, String resourceType, String param, boolean driving) {
    if (driving) {
      where
          .append("r.pk IN (SELECT ").append(alias).append(".res_pk FROM ").append(table).append(' ')
          .append(alias).append(" WHERE ").append(alias).append(".res_type = ? AND ")
          .append(alias).append(".param = ? AND (");
      args.add(resourceType);
    } else {
      where
          .append("EXISTS (SELECT 1 FROM ").append(table).append(' ').append(alias)
          .append(" WHERE ").append(alias).append(".res_pk = r.pk AND ")
          .append(alias).append(".param = ? AND (");
    }
    args.add(param);
  }

  private void appendOr(SearchClause clause, java.util.function.Consumer<SearchValue> one) {
    boolean first = true;
    for (SearchValue value : clause.anyOf()) {
      if (!first) {
        where.append(" OR ");
      }
      first = false;
      where.append('(');
      one.accept(value);
      where.append(')');
    }
  }

  private void appendToken(SearchValue.Token token) {
    if (token.code() == null) {
      where.append("t.sys = ?");
      args.add(token.system());
      return;
    }
    where.append("t.code = ?");
    args.add(token.code());
    if (token.system() != null && token.system().isEmpty()) {
      where.append(" AND t.sys IS NULL");
    } else if (token.system() != null) {
      where.append(" AND t.sys = ?");
      args.add(token.system());
    }
  }

  private void appendString(SearchValue.Text text) {
    switch (text.match()) {
      case EXACT -> {
        where.append("s.exact = ?");
        args.add(JdbcIndexWriter.truncate(text.value()));
      }
      case STARTS_WITH -> {
        String prefix = JdbcIndexWriter.truncate(IndexValues.normalize(text.value()));
        String end = prefixEnd(prefix);
        if (end != null) {
          bind("s.norm >= ? AND s.norm < ?", prefix, end);
        } else {
          where.append("s.norm LIKE ? ESCAPE '" + LIKE_ESCAPE + "'");
          args.add(likeEscape(prefix) + "%");
        }
      }
      case CONTAINS -> {
        where.append("s.norm LIKE ? ESCAPE '" + LIKE_ESCAPE + "'");
        args.add("%" + likeEscape(IndexValues.normalize(text.value())) + "%");
      }
    }
  }

  /**
   * The STU3 prefix semantics over ranges: the search value is [pl, ph], the indexed value
   * [rl, rh] (FHIR STU3 §3.1.1.4.4, prefixes table).
   */
  private void appendDate(SearchValue.DateRange date, String low, String high) {
    long pl = date.lowMillis();
    long ph = date.highMillis();
    switch (date.prefix()) {
      case EQ -> bind(low + " >= ? AND " + high + " <= ?", pl, ph);
      case NE -> bind("NOT (" + low + " >= ? AND " + high + " <= ?)", pl, ph);
      case GT -> bind(high + " > ?", ph);
      case LT -> bind(low + " < ?", pl);
      // ge and le: "the range above (below) the search value intersects the range of the target
      // value, or the range of the search value fully contains the range of the target value".
      // A stored range that starts before the search range and ends inside it is not ge.
      case GE -> bind("(" + high + " > ? OR (" + low + " >= ? AND " + high + " <= ?))", ph, pl, ph);
      case LE -> bind("(" + low + " < ? OR (" + low + " >= ? AND " + high + " <= ?))", pl, pl, ph);
      case SA -> bind(low + " > ?", ph);
      case EB -> bind(high + " < ?", pl);
      case AP -> {
        // "approximately": within 10% of the distance between the value and now (§3.1.1.4.4).
        long margin = Math.abs(System.currentTimeMillis() - pl) / 10;
        bind(high + " >= ? AND " + low + " <= ?", pl - margin, ph + margin);
      }
    }
  }

  private void appendReference(SearchValue.Ref ref) {
    where.append("x.target_id = ?");
    args.add(ref.id());
    if (ref.type() != null) {
      where.append(" AND x.target_type = ?");
      args.add(ref.type());
    }
  }

  private void bind(String sql, Object... values) {
    where.append(sql);
    args.addAll(List.of(values));
  }

  private String orderBy(List<SortClause> sort) {
    StringBuilder order = new StringBuilder();
    for (SortClause clause : sort) {
      String direction = clause.descending() ? " DESC" : " ASC";
      if (ResourceSearchParameters.LAST_UPDATED.equals(clause.parameter())) {
        order.append("r.last_updated").append(direction);
      } else {
        // A resource may hold several dates for one parameter: ascending sorts by the earliest,
        // descending by the latest, as the spec suggests.
        String bound = clause.descending() ? "MAX(d.high_ms)" : "MIN(d.low_ms)";
        order.append("(SELECT ").append(bound)
            .append(" FROM idx_date d WHERE d.res_pk = r.pk AND d.param = ?)").append(direction);
        orderArgs.add(clause.parameter());
      }
      order.append(", ");
    }
    return order.append("r.pk ASC").toString();
  }

  /**
   * The first string after every string that starts with {@code prefix}: the prefix with its last
   * character moved one up, so that "starts with" is the range [prefix, end), which both databases
   * answer from the index. Why not LIKE 'prefix%': H2 parses a statement with LIKE again on every
   * execution (its plan depends on the pattern), which was a tenth of a family search's CPU (JFR).
   * Null, and LIKE kept, where the range could differ from LIKE: an empty prefix; a last character
   * up to the space (MySQL's binary collation ignores trailing spaces in comparisons) or from
   * U+D7FF up (surrogates, where UTF-16 order, H2's, and code point order, MySQL's, differ).
   */
  static String prefixEnd(String prefix) {
    if (prefix.isEmpty()) {
      return null;
    }
    char last = prefix.charAt(prefix.length() - 1);
    if (last <= ' ' || last >= '\uD7FF') {
      return null;
    }
    return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
  }

  private static String likeEscape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
        out.append(LIKE_ESCAPE);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
