package org.careconnect.smart.fhir.audit;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.careconnect.smart.fhir.security.SmartAccess;

/** Builds the audit record of one answered request from what HAPI and the servlet know of it. */
final class AuditRecords {

  /** Longest query string kept: enough for any real search, bounded against abuse. */
  static final int MAX_QUERY = 2000;

  private AuditRecords() {}

  /**
   * @param details HAPI's view of the request, or null when it was answered before HAPI saw it
   */
  static AuditRecord of(HttpServletRequest http, HttpServletResponse response, int status, RequestDetails details, long now) {
    Optional<SmartAccess> access = details == null ? Optional.empty() : SmartAccess.of(details);
    List<String> segments = segments(http.getPathInfo());
    String type;
    String named;
    String interaction;
    if (details != null && details.getRestOperationType() != null) {
      interaction = Interactions.of(details.getRestOperationType(), details);
      type = details.getResourceName();
      named = details.getId() == null ? null : details.getId().getIdPart();
    } else {
      // the query string only: reading parameters could make the servlet parse a form body
      String query = http.getQueryString();
      boolean page = query != null && query.contains(Constants.PARAM_PAGINGACTION + "=");
      interaction = Interactions.guess(http.getMethod(), segments, page);
      type = !segments.isEmpty() && Character.isUpperCase(segments.get(0).charAt(0)) ? segments.get(0) : null;
      named = type != null && segments.size() > 1 && !segments.get(1).matches("[_$].*") ? segments.get(1) : null;
    }
    String id = named != null || type == null || status >= 300
        ? named : createdId(type, response.getHeader(Constants.HEADER_LOCATION));
    String operation = "operation".equals(interaction) ? operationName(details, segments) : null;
    return new AuditRecord(
        now,
        interaction,
        operation,
        type,
        id,
        status,
        access.map(SmartAccess::clientId).orElse(null),
        access.map(SmartAccess::subject).orElse(null),
        access.map(SmartAccess::fhirUser).orElse(null),
        access.map(SmartAccess::patient).orElseGet(() -> patientOfRequest(type, id, details)),
        access.map(SmartAccess::tokenId).orElse(null),
        details == null ? http.getHeader(Constants.HEADER_REQUEST_ID) : details.getRequestId(),
        http.getRemoteAddr(),
        http.getMethod(),
        Interactions.QUERIES.contains(interaction) ? truncate(http.getQueryString()) : null);
  }

  /** A create names its resource only in its answer: {@code Location: [base]/Patient/1/_history/1}. */
  private static String createdId(String type, String location) {
    if (location == null) {
      return null;
    }
    int at = location.indexOf("/" + type + "/");
    if (at < 0) {
      return null;
    }
    String rest = location.substring(at + type.length() + 2);
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static String operationName(RequestDetails details, List<String> segments) {
    if (details != null && details.getOperation() != null) {
      return details.getOperation();
    }
    return segments.isEmpty() ? null : segments.get(segments.size() - 1);
  }

  /**
   * Without a token's patient context, the patient whose data the request names: the Patient it
   * reads, or the one its search is confined to. Who looked at whose record is the question an
   * audit trail is asked most. Searching the audit trail itself by patient touches no record.
   */
  private static String patientOfRequest(String type, String id, RequestDetails details) {
    if ("Patient".equals(type) && id != null) {
      return id;
    }
    if (details == null || "AuditEvent".equals(type)) {
      return null;
    }
    for (String name : new String[] {"patient", "subject"}) {
      String[] values = details.getParameters().get(name);
      if (values != null && values.length == 1 && !values[0].contains(",")) {
        String value = values[0];
        if (value.startsWith("Patient/")) {
          return value.substring("Patient/".length());
        }
        if (name.equals("patient") && !value.contains("/")) {
          return value;
        }
      }
    }
    return null;
  }

  private static List<String> segments(String pathInfo) {
    if (pathInfo == null) {
      return List.of();
    }
    return Arrays.stream(pathInfo.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  private static String truncate(String query) {
    return query == null || query.length() <= MAX_QUERY ? query : query.substring(0, MAX_QUERY);
  }
}
