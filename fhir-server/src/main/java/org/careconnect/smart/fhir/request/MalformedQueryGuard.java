package org.careconnect.smart.fhir.request;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.net.URLDecoder;
import java.util.Arrays;
import org.careconnect.smart.fhir.server.EveryFaceInterceptor;
import org.springframework.stereotype.Component;

/**
 * A malformed percent-encoding in the query string ({@code ?family=%ZZ}) or a search form is a
 * 400.
 *
 * <p>Why: HAPI decodes the parameters before any hook or provider runs, and the decoder's
 * IllegalArgumentException would otherwise reach the client as a 500. Only that exception,
 * thrown by the decoder itself, is turned into a 400; any other stays what it is.
 */
@Component
@Interceptor
class MalformedQueryGuard implements EveryFaceInterceptor {

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException malformedPercentEncoding(Throwable thrown) {
    if (thrown instanceof IllegalArgumentException && thrownByTheDecoder(thrown)) {
      return new InvalidRequestException(
          "The query string or form has a malformed percent-encoding: " + thrown.getMessage());
    }
    return null;
  }

  private static boolean thrownByTheDecoder(Throwable thrown) {
    return Arrays.stream(thrown.getStackTrace())
        .limit(3)
        .anyMatch(frame -> frame.getClassName().equals(URLDecoder.class.getName()));
  }
}
