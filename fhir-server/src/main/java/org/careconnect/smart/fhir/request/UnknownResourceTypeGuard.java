package org.careconnect.smart.fhir.request;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.ResourceBinding;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.careconnect.smart.fhir.server.EveryFaceInterceptor;
import org.springframework.stereotype.Component;

/**
 * A resource type this server does not serve, in the URL ({@code GET /Foo/1}, {@code POST /Basic}),
 * is a 400 naming the type.
 *
 * <p>Why: HAPI answers it with 404, which tells the client "that resource does not exist" and
 * invites a retry or a create, while the request is one this server cannot process at all: 400
 * (RFC 9110 §15.5.1). Checked before HAPI chooses a handler, and before any body is read.
 */
@Component
@Interceptor
class UnknownResourceTypeGuard implements EveryFaceInterceptor {

  /** Returns false, having answered the request, when the type is unknown. */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED, order = 0)
  public boolean refuseUnknownResourceType(
      RequestDetails request, HttpServletRequest servletRequest, HttpServletResponse servletResponse) {
    String type = request.getResourceName();
    if (type == null || !(request.getServer() instanceof RestfulServer server)) {
      return true;
    }
    for (ResourceBinding binding : server.getResourceBindings()) {
      if (binding.getResourceName().equals(type)) {
        return true;
      }
    }
    return Refusals.respond(request, servletRequest, servletResponse, new InvalidRequestException(
        "Unknown resource type '" + type + "': this server does not serve it; its"
            + " CapabilityStatement ([base]/metadata) lists the types it serves"));
  }
}
