package org.careconnect.smart.fhir.request;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.method.ResourceParameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;
import org.careconnect.smart.fhir.server.EveryFaceInterceptor;
import org.careconnect.smart.fhir.server.ResourceIds;
import org.hl7.fhir.dstu3.model.IdType;
import org.springframework.stereotype.Component;

/**
 * Checks the body of every POST, PUT and PATCH before HAPI chooses a handler and parses it.
 *
 * <ul>
 *   <li>A body must say it is FHIR JSON or XML ({@code Content-Type}), else 415 (RFC 9110
 *       §15.5.16). Why: HAPI answers a wrong type with 400, which reads as "your resource is
 *       wrong" when it is the format that is. A form ({@code application/x-www-form-urlencoded})
 *       is only a search ({@code POST [type]/_search}, FHIR STU3 §3.1.1); the servlet container
 *       has already consumed a form body, so it is refused without reading it. A search form
 *       the container could not parse is refused too, rather than run as a search for everything.
 *   <li>A create, update, transaction or batch without a body is 400. Why: HAPI hands the
 *       provider a null resource, which would end in a 500.
 *   <li>The body is scanned once, streaming, for well-formedness, nesting depth
 *       ({@link BodyLimits#MAX_DEPTH}) and, in XML, a DOCTYPE or entity ({@link XmlBodyScan}).
 *       Reading it here also applies the size limit ({@link BodySizeLimitFilter}) to every write.
 *   <li>The resource's own id, when the body has one, must be a valid id (400).
 * </ul>
 */
@Component
@Interceptor
class RequestBodyGuard implements EveryFaceInterceptor {

  private static final Set<RequestTypeEnum> WITH_BODY =
      Set.of(RequestTypeEnum.POST, RequestTypeEnum.PUT, RequestTypeEnum.PATCH);

  /** Set by Tomcat when it could not parse the parameters (Tomcat's {@code Globals}). */
  private static final String TOMCAT_PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

  private static final String TOMCAT_PARSE_FAILED_REASON =
      "org.apache.catalina.parameter_parse_failed_reason";

  /** The JSON Patch media type (FHIR STU3 http.html, patch); HAPI answers PATCH as it sees fit. */
  private static final String JSON_PATCH = "application/json-patch+json";

  /** Returns false, having answered the request with the refusal, when the body is refused. */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED, order = 10)
  public boolean checkBody(
      RequestDetails request, HttpServletRequest servletRequest, HttpServletResponse servletResponse) {
    if (!WITH_BODY.contains(request.getRequestType())) {
      return true;
    }
    try {
      check(request, servletRequest);
      return true;
    } catch (BaseServerResponseException refusal) {
      return Refusals.respond(request, servletRequest, servletResponse, refusal);
    }
  }

  private static void check(RequestDetails request, HttpServletRequest servletRequest) {
    String contentType = request.getHeader(Constants.HEADER_CONTENT_TYPE);
    String mediaType = mediaTypeOf(contentType);
    if (Constants.PARAM_SEARCH.equals(request.getOperation())) {
      if (mediaType != null && !Constants.CT_X_FORM_URLENCODED.equals(mediaType)) {
        throw new UnsupportedMediaTypeException(
            "A search by POST takes its parameters as " + Constants.CT_X_FORM_URLENCODED
                + ", not '" + contentType + "' (FHIR STU3 §3.1.1)");
      }
      requireFormParsed(servletRequest);
      return;
    }
    if (Constants.CT_X_FORM_URLENCODED.equals(mediaType)) {
      throw unsupported(contentType);
    }
    byte[] body = request.loadRequestContents();
    if (body == null || body.length == 0) {
      if (isOperation(request)) {
        return;
      }
      throw new InvalidRequestException(
          "The request has no body: a " + request.getRequestType()
              + " here needs a FHIR resource in JSON or XML");
    }
    EncodingEnum encoding = EncodingEnum.forContentType(contentType);
    String rootId;
    if (encoding == EncodingEnum.JSON || JSON_PATCH.equals(mediaType)) {
      rootId = JsonBodyScan.check(ResourceParameter.createRequestReader(request), BodyLimits.MAX_DEPTH);
    } else if (encoding == EncodingEnum.XML) {
      rootId = XmlBodyScan.check(ResourceParameter.createRequestReader(request), BodyLimits.MAX_DEPTH);
    } else {
      throw unsupported(contentType);
    }
    if (rootId != null) {
      // HAPI drops the body id of a create before the provider sees it, so a malformed one
      // would pass unnoticed; it is malformed content all the same
      ResourceIds.requireValid(new IdType("Resource", rootId));
    }
  }

  /**
   * Tomcat parses a search form itself and, when it cannot (larger than its
   * {@code server.tomcat.max-http-form-post-size}, 2 MB by default, or malformed), silently
   * hands on no parameters at all: the search would then match everything. It flags the failure
   * in a request attribute, read here.
   */
  private static void requireFormParsed(HttpServletRequest servletRequest) {
    if (servletRequest == null || servletRequest.getAttribute(TOMCAT_PARSE_FAILED) == null) {
      return;
    }
    Object reason = servletRequest.getAttribute(TOMCAT_PARSE_FAILED_REASON);
    if (reason != null && "POST_TOO_LARGE".equals(reason.toString())) {
      throw new PayloadTooLargeException(
          "The search form is larger than this server reads; send fewer or shorter parameters");
    }
    throw new InvalidRequestException(
        "The search form could not be read" + (reason == null ? "" : " (" + reason + ")"));
  }

  private static boolean isOperation(RequestDetails request) {
    String operation = request.getOperation();
    return operation != null && operation.startsWith("$");
  }

  private static String mediaTypeOf(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  private static UnsupportedMediaTypeException unsupported(String contentType) {
    String given = contentType == null || contentType.isBlank() ? "none" : "'" + contentType + "'";
    return new UnsupportedMediaTypeException(
        "Content-Type " + given + " is not supported for a FHIR resource body; send "
            + Constants.CT_FHIR_JSON_NEW + " or " + Constants.CT_FHIR_XML_NEW);
  }
}
