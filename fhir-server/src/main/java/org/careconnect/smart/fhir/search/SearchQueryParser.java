package org.careconnect.smart.fhir.search;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.careconnect.smart.fhir.store.SearchParamType;
import org.careconnect.smart.fhir.store.SearchQuery;
import org.careconnect.smart.fhir.store.SearchQuery.SearchClause;
import org.careconnect.smart.fhir.store.SearchQuery.SortClause;
import org.careconnect.smart.fhir.store.SearchValue;
import org.careconnect.smart.fhir.store.SearchValue.DateRange.Prefix;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.IdType;
import org.springframework.stereotype.Component;

/**
 * Reads the query string of a search (FHIR STU3 §3.1.1 "Search") into a {@link SearchRequest}.
 * Every search goes through here: the REST search interaction, conditional create, update and
 * delete, and the GET entries of batches, so they all mean the same by the same query.
 *
 * <p>Anything it does not understand is refused with a 400 naming the parameter, rather than
 * ignored: a search silently widened by an ignored parameter can return data the client did not
 * ask for.
 */
@Component
public class SearchQueryParser {

  /** Parameters about the result, not the match; HAPI or the paging code reads them. */
  private static final Set<String> RESULT_PARAMETERS =
      Set.of("_count", "_format", "_pretty", "_summary", "_elements", "_getpages",
          "_getpagesoffset", "_bundletype", "_total");

  private final SearchParameterRegistry registry;

  public SearchQueryParser(SearchParameterRegistry registry) {
    this.registry = registry;
  }

  /** Parses a query string such as {@code identifier=x|y&_count=5} (no leading '?'). */
  public SearchRequest parse(String resourceType, String queryString) {
    return parse(resourceType, QueryStrings.parse(queryString));
  }

  public SearchRequest parse(String resourceType, Map<String, String[]> parameters) {
    ResourceSearchParameters<?> definitions = registry.of(resourceType);
    List<SearchClause> clauses = new ArrayList<>();
    List<SortClause> sort = new ArrayList<>();
    List<SearchRequest.Include> includes = new ArrayList<>();
    List<SearchRequest.Include> revIncludes = new ArrayList<>();
    for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
      String rawName = entry.getKey();
      String name = rawName.contains(":") ? rawName.substring(0, rawName.indexOf(':')) : rawName;
      String modifier = rawName.contains(":") ? rawName.substring(rawName.indexOf(':') + 1) : null;
      if (RESULT_PARAMETERS.contains(name)) {
        continue;
      }
      for (String value : entry.getValue()) {
        switch (name) {
          case "_sort" -> sort.addAll(parseSort(definitions, modifier, value));
          case "_include" -> includes.add(parseInclude(resourceType, modifier, value, false));
          case "_revinclude" -> revIncludes.add(parseInclude(resourceType, modifier, value, true));
          default -> clauses.add(parseClause(definitions, name, modifier, value));
        }
      }
    }
    return new SearchRequest(new SearchQuery(resourceType, clauses, sort), includes, revIncludes);
  }

  private SearchClause parseClause(
      ResourceSearchParameters<?> definitions, String name, String modifier, String value) {
    if (name.contains(".")) {
      throw new InvalidRequestException(
          "Chained search parameter '" + name + "' is not supported by this server");
    }
    SearchParamType type;
    SearchParameter<?> parameter = null;
    if (ResourceSearchParameters.ID.equals(name)) {
      type = SearchParamType.TOKEN;
    } else if (ResourceSearchParameters.LAST_UPDATED.equals(name)) {
      type = SearchParamType.DATE;
    } else {
      parameter =
          definitions
              .get(name)
              .orElseThrow(
                  () ->
                      new InvalidRequestException(
                          "Unknown search parameter '" + name + "' for resource type '"
                              + definitions.typeName() + "'. Known parameters: "
                              + knownNames(definitions)));
      type = parameter.type();
    }
    List<SearchValue> values = new ArrayList<>();
    for (String one : QueryStrings.splitOr(value)) {
      values.add(parseValue(name, type, modifier, parameter, one));
    }
    if (values.isEmpty()) {
      throw new InvalidRequestException("Search parameter '" + name + "' has no value");
    }
    return new SearchClause(name, type, values);
  }

  private SearchValue parseValue(
      String name, SearchParamType type, String modifier, SearchParameter<?> parameter, String value) {
    return switch (type) {
      case TOKEN -> {
        refuseModifier(name, modifier);
        yield parseToken(name, value);
      }
      case STRING -> new SearchValue.Text(QueryStrings.unescape(value), stringMatch(name, modifier));
      case DATE -> {
        refuseModifier(name, modifier);
        yield parseDate(name, value);
      }
      case REFERENCE -> parseReference(name, modifier, parameter, value);
    };
  }

  private static SearchValue.Token parseToken(String name, String value) {
    int bar = QueryStrings.indexOfUnescaped(value, '|');
    if (bar < 0) {
      return new SearchValue.Token(null, required(name, QueryStrings.unescape(value)));
    }
    String system = QueryStrings.unescape(value.substring(0, bar));
    String code = QueryStrings.unescape(value.substring(bar + 1));
    if (system.isEmpty() && code.isEmpty()) {
      throw new InvalidRequestException("Search parameter '" + name + "' has an empty token '|'");
    }
    return new SearchValue.Token(system, code.isEmpty() ? null : code);
  }

  private static SearchValue.Text.Match stringMatch(String name, String modifier) {
    if (modifier == null) {
      return SearchValue.Text.Match.STARTS_WITH;
    }
    return switch (modifier) {
      case "exact" -> SearchValue.Text.Match.EXACT;
      case "contains" -> SearchValue.Text.Match.CONTAINS;
      default -> throw unsupportedModifier(name, modifier);
    };
  }

  static SearchValue.DateRange parseDate(String name, String value) {
    Prefix prefix = Prefix.EQ;
    String date = value;
    if (value.length() > 2 && Character.isLetter(value.charAt(0))) {
      try {
        prefix = Prefix.valueOf(value.substring(0, 2).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            "Search parameter '" + name + "' has an unknown prefix in '" + value + "'");
      }
      date = value.substring(2);
    }
    try {
      long[] bounds = DateBounds.of(new DateTimeType(date));
      return new SearchValue.DateRange(prefix, bounds[0], bounds[1]);
    } catch (DataFormatException | IllegalArgumentException | NullPointerException e) {
      throw new InvalidRequestException(
          "Search parameter '" + name + "' has an invalid date '" + value + "'");
    }
  }

  private SearchValue.Ref parseReference(
      String name, String modifier, SearchParameter<?> parameter, String raw) {
    String value = QueryStrings.unescape(raw);
    Set<String> targets = parameter.targetTypes();
    String type = null;
    if (modifier != null) {
      if (!targets.contains(modifier)) {
        throw unsupportedModifier(name, modifier);
      }
      type = modifier;
    }
    String id = value;
    if (value.contains("/")) {
      IdType parsed = new IdType(value);
      if (!parsed.hasResourceType() || !parsed.hasIdPart()) {
        throw new InvalidRequestException(
            "Search parameter '" + name + "' has an invalid reference '" + value + "'");
      }
      if (type != null && !type.equals(parsed.getResourceType())) {
        throw new InvalidRequestException(
            "Search parameter '" + name + "' asks for " + type + " but names " + value);
      }
      type = parsed.getResourceType();
      id = parsed.getIdPart();
      if (!targets.contains(type)) {
        throw new InvalidRequestException(
            "Search parameter '" + name + "' cannot point to " + type + "; it allows " + targets);
      }
    }
    if (type == null && targets.size() == 1) {
      type = targets.iterator().next();
    }
    return new SearchValue.Ref(type, required(name, id));
  }

  private List<SortClause> parseSort(
      ResourceSearchParameters<?> definitions, String modifier, String value) {
    List<SortClause> sort = new ArrayList<>();
    for (String item : value.split(",")) {
      boolean descending = item.startsWith("-") || "desc".equals(modifier);
      String name = item.startsWith("-") ? item.substring(1) : item;
      boolean isDate =
          ResourceSearchParameters.LAST_UPDATED.equals(name)
              || definitions.get(name).map(p -> p.type() == SearchParamType.DATE).orElse(false);
      if (!isDate) {
        throw new InvalidRequestException(
            "Cannot sort on '" + name + "': this server sorts on date parameters and _lastUpdated");
      }
      sort.add(new SortClause(name, descending));
    }
    return sort;
  }

  private SearchRequest.Include parseInclude(
      String searchedType, String modifier, String value, boolean reverse) {
    String kind = reverse ? "_revinclude" : "_include";
    if (modifier != null) {
      throw new InvalidRequestException(kind + ":" + modifier + " is not supported by this server");
    }
    String[] parts = value.split(":");
    if (parts.length < 2 || parts.length > 3) {
      throw new InvalidRequestException(
          kind + " must be SourceType:parameter[:TargetType], not '" + value + "'");
    }
    String source = parts[0];
    String parameterName = parts[1];
    String target = parts.length == 3 ? parts[2] : null;
    if (!reverse && !source.equals(searchedType)) {
      throw new InvalidRequestException(
          "_include must start with the searched type " + searchedType + ", not '" + value + "'");
    }
    SearchParameter<?> parameter =
        registry
            .of(source)
            .get(parameterName)
            .filter(p -> p.type() == SearchParamType.REFERENCE)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        kind + " '" + value + "' names no reference parameter of " + source));
    if (reverse && !parameter.targetTypes().contains(searchedType)) {
      throw new InvalidRequestException(
          "_revinclude '" + value + "' cannot point to the searched type " + searchedType);
    }
    if (reverse && target != null && !target.equals(searchedType)) {
      throw new InvalidRequestException(
          "_revinclude '" + value + "' names " + target + ", but the search is of " + searchedType);
    }
    if (target != null && !parameter.targetTypes().contains(target)) {
      throw new InvalidRequestException(
          kind + " '" + value + "': " + parameterName + " cannot point to " + target);
    }
    return new SearchRequest.Include(source, parameterName, target);
  }

  private static void refuseModifier(String name, String modifier) {
    if (modifier != null) {
      throw unsupportedModifier(name, modifier);
    }
  }

  private static InvalidRequestException unsupportedModifier(String name, String modifier) {
    return new InvalidRequestException(
        "Modifier ':" + modifier + "' is not supported on search parameter '" + name + "'");
  }

  private static String required(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidRequestException("Search parameter '" + name + "' has an empty value");
    }
    return value;
  }

  private static String knownNames(ResourceSearchParameters<?> definitions) {
    List<String> names = new ArrayList<>(List.of("_id", "_lastUpdated"));
    definitions.all().forEach(p -> names.add(p.name()));
    return String.join(", ", names);
  }
}
