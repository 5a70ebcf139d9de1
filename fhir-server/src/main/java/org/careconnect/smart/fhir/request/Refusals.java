package org.careconnect.smart.fhir.request;

import ca.uhn.fhir.interceptor.api.HookParams;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.interceptor.ExceptionHandlingInterceptor;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers a request a guard refuses, from inside the guard's hook, exactly as HAPI answers an
 * exception: the other interceptors' {@code SERVER_HANDLE_EXCEPTION} hooks run, then HAPI's
 * exception handler writes the OperationOutcome in the format the client asked for.
 *
 * <p>Why not just throw: HAPI logs every exception thrown by a hook at ERROR with its stack
 * trace, so refusing bad input by throwing would let any client fill the log. Bad input is the
 * client's mistake, not the server's.
 */
public final class Refusals {

  private static final ExceptionHandlingInterceptor HANDLER = new ExceptionHandlingInterceptor();

  private Refusals() {}

  /** Writes the refusal and returns false, which tells HAPI the request has been answered. */
  public static boolean respond(
      RequestDetails request,
      HttpServletRequest servletRequest,
      HttpServletResponse servletResponse,
      BaseServerResponseException refusal) {
    HookParams params = new HookParams()
        .add(RequestDetails.class, request)
        .add(ServletRequestDetails.class, request instanceof ServletRequestDetails s ? s : null)
        .add(HttpServletRequest.class, servletRequest)
        .add(HttpServletResponse.class, servletResponse)
        .add(BaseServerResponseException.class, refusal);
    if (request.getInterceptorBroadcaster() == null
        || request.getInterceptorBroadcaster().callHooks(Pointcut.SERVER_HANDLE_EXCEPTION, params)) {
      try {
        HANDLER.handleException(request, refusal, servletRequest, servletResponse);
      } catch (IOException | ServletException e) {
        throw new InternalErrorException("The refusal could not be written", e);
      }
    }
    return false;
  }
}
