package org.careconnect.smart.fhir.audit;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Bundle;

/**
 * Names a request's interaction with a code of http://hl7.org/fhir/restful-interaction, the
 * value set the FHIR RESTful audit pattern puts in {@code AuditEvent.subtype}.
 */
final class Interactions {

  static final String SYSTEM = "http://hl7.org/fhir/restful-interaction";

  /** Interactions that look data up: AuditEvent.type is DICOM 110112 "Query" for these. */
  static final Set<String> QUERIES =
      Set.of("search", "search-type", "search-system", "history-instance", "history-type", "history-system");

  /** Every code {@link #of} and {@link #guess} give. */
  static final Set<String> ALL = Set.of("read", "vread", "update", "patch", "delete", "history-instance",
      "history-type", "history-system", "create", "search", "search-type", "search-system", "capabilities",
      "transaction", "batch", "operation");

  private Interactions() {}

  /** The interaction HAPI chose a handler for. */
  static String of(RestOperationTypeEnum operation, RequestDetails request) {
    return switch (operation) {
      case READ -> "read";
      case VREAD -> "vread";
      case SEARCH_TYPE -> "search-type";
      case SEARCH_SYSTEM -> "search-system";
      case GET_PAGE -> "search";
      case HISTORY_INSTANCE -> "history-instance";
      case HISTORY_TYPE -> "history-type";
      case HISTORY_SYSTEM -> "history-system";
      case CREATE -> "create";
      case UPDATE -> "update";
      case DELETE -> "delete";
      case PATCH -> "patch";
      case METADATA -> "capabilities";
      case BATCH -> "batch";
      // HAPI has one handler for both kinds of Bundle posted to the base
      case TRANSACTION -> request.getResource() instanceof Bundle bundle
              && bundle.getType() == Bundle.BundleType.BATCH ? "batch" : "transaction";
      default -> "operation";
    };
  }

  /**
   * The interaction of a request refused before HAPI chose a handler (a missing token, an unknown
   * type), read from its method and path segments as FHIR STU3 §3.1.0 (http.html) lays them out.
   */
  static String guess(String method, List<String> segments, boolean page) {
    if (page) {
      return "search";
    }
    if (!segments.isEmpty() && segments.get(segments.size() - 1).startsWith("$")) {
      return "operation";
    }
    int size = segments.size();
    boolean history = segments.contains("_history");
    return switch (method) {
      case "GET", "HEAD" -> {
        if (size == 1 && segments.get(0).equals("metadata")) {
          yield "capabilities";
        }
        if (history) {
          yield size == 1 ? "history-system" : size == 2 ? "history-type" : size == 3 ? "history-instance" : "vread";
        }
        yield size == 0 ? "search-system" : size == 1 ? "search-type" : "read";
      }
      case "POST" -> size == 0 ? "transaction" : size == 2 && segments.get(1).equals("_search") ? "search-type" : "create";
      case "PUT" -> "update";
      case "DELETE" -> "delete";
      case "PATCH" -> "patch";
      default -> "operation";
    };
  }
}
