package org.careconnect.smart.auth.client;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a {@code private_key_jwt} client assertion from a token, introspection or revocation
 * request (RFC 7523 §2.2). Unlike SAS's converter it does not require {@code client_id}: RFC 7521
 * §4.2 makes it optional and SMART backend services clients do not send it, so the client is
 * named by the assertion's {@code sub} (its signature is verified later, against that client's
 * keys). When both are present they must agree.
 *
 * <p>The token it produces carries {@link #METHOD}, a method only {@link
 * ClientAssertionAuthenticationProvider} handles, so SAS's own assertion provider (with its
 * jwks_uri fetching) is never reached.
 */
final class ClientAssertionConverter implements AuthenticationConverter {

  static final ClientAuthenticationMethod METHOD =
      new ClientAuthenticationMethod("careconnect:private_key_jwt");
  static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final Set<String> OWN_PARAMETERS =
      Set.of(
          OAuth2ParameterNames.CLIENT_ASSERTION_TYPE,
          OAuth2ParameterNames.CLIENT_ASSERTION,
          OAuth2ParameterNames.CLIENT_ID);

  @Override
  public Authentication convert(HttpServletRequest request) {
    Map<String, String[]> form = formParameters(request);
    String[] types = form.get(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE);
    String[] assertions = form.get(OAuth2ParameterNames.CLIENT_ASSERTION);
    if (types == null || assertions == null || !Arrays.asList(types).contains(JWT_BEARER)) {
      return null;
    }
    if (types.length != 1 || assertions.length != 1) {
      throw invalid(OAuth2ErrorCodes.INVALID_REQUEST, "client_assertion given more than once");
    }
    String assertion = assertions[0];
    String subject = unverifiedSubject(assertion);
    String[] clientIds = form.get(OAuth2ParameterNames.CLIENT_ID);
    if (clientIds != null && (clientIds.length != 1 || !clientIds[0].equals(subject))) {
      throw invalid(OAuth2ErrorCodes.INVALID_CLIENT, "client_id must be the assertion's sub");
    }
    Map<String, Object> additional = new HashMap<>();
    form.forEach(
        (name, values) -> {
          if (!OWN_PARAMETERS.contains(name)) {
            additional.put(name, values.length == 1 ? values[0] : values);
          }
        });
    return new OAuth2ClientAuthenticationToken(subject, METHOD, assertion, additional);
  }

  private static String unverifiedSubject(String assertion) {
    try {
      // An encrypted JWT has no readable claims here (null): refused like any unreadable one.
      JWTClaimsSet claims = JWTParser.parse(assertion).getJWTClaimsSet();
      String subject = claims == null ? null : claims.getSubject();
      if (subject == null || subject.isBlank()) {
        throw invalid(OAuth2ErrorCodes.INVALID_CLIENT, "sub must be the client_id");
      }
      return subject;
    } catch (ParseException e) {
      throw invalid(OAuth2ErrorCodes.INVALID_CLIENT, "client_assertion is not a JWT");
    }
  }

  /** Parameters of the form body only: credentials in the query string would end up in logs. */
  private static Map<String, String[]> formParameters(HttpServletRequest request) {
    if (!HttpMethod.POST.matches(request.getMethod())) {
      return Map.of();
    }
    Set<String> inQuery = queryParameterNames(request.getQueryString());
    Map<String, String[]> form = new HashMap<>();
    request.getParameterMap().forEach((name, values) -> {
      if (!inQuery.contains(name)) {
        form.put(name, values);
      }
    });
    return form;
  }

  private static Set<String> queryParameterNames(String query) {
    if (query == null || query.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        Arrays.stream(query.split("&"))
            .map(pair -> URLDecoder.decode(
                pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair,
                StandardCharsets.UTF_8))
            .toList());
  }

  static OAuth2AuthenticationException invalid(String code, String description) {
    return new OAuth2AuthenticationException(
        new OAuth2Error(code, "Client authentication failed: " + description, ClientAssertionValidator.ERROR_URI));
  }
}
