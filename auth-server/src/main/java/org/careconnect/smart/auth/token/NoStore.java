package org.careconnect.smart.auth.token;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * RFC 6749 §5.1: responses carrying tokens must not be cached; here every answer of the token,
 * introspection and revocation endpoints, errors included, is {@code no-store}.
 */
public final class NoStore {

  /** Request attribute: the OAuth error code answered, read by operations/TokenEndpointMetrics. */
  public static final String ERROR_CODE_ATTRIBUTE = NoStore.class.getName() + ".errorCode";

  private NoStore() {}

  static void apply(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
  }

  static AuthenticationSuccessHandler success(AuthenticationSuccessHandler delegate) {
    return (request, response, authentication) -> {
      apply(response);
      delegate.onAuthenticationSuccess(request, response, authentication);
    };
  }

  /**
   * A request to the token, introspection or revocation endpoint without any client
   * authentication: 401 with the RFC 6749 §5.2 body, not an empty page.
   */
  public static AuthenticationEntryPoint unauthenticatedClient() {
    AuthenticationFailureHandler errors = errors();
    return (request, response, exception) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"oauth2\"");
      errors.onAuthenticationFailure(
          request, response, new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT));
    };
  }

  /**
   * RFC 6749 §5.2 JSON error body, uncacheable: 401 for invalid_client (the client failed to
   * authenticate), else 400.
   */
  public static AuthenticationFailureHandler errors() {
    OAuth2ErrorHttpMessageConverter json = new OAuth2ErrorHttpMessageConverter();
    return (request, response, exception) -> {
      OAuth2Error error =
          exception instanceof OAuth2AuthenticationException oauth2
              ? oauth2.getError()
              : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
      apply(response);
      request.setAttribute(ERROR_CODE_ATTRIBUTE, error.getErrorCode());
      ServletServerHttpResponse http = new ServletServerHttpResponse(response);
      http.setStatusCode(
          OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())
              ? HttpStatus.UNAUTHORIZED
              : HttpStatus.BAD_REQUEST);
      json.write(error, null, http);
    };
  }
}
