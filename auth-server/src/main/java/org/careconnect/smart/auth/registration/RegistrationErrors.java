package org.careconnect.smart.auth.registration;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of the registration endpoints as RFC 7591 §3.2.2 JSON ({@code error}, {@code
 * error_description}); a missing or wrong token as RFC 6750 §3.1 with {@code WWW-Authenticate}.
 * A body that is not a JSON object is bad metadata, not a server error.
 */
@RestControllerAdvice(assignableTypes = ClientRegistrationController.class)
class RegistrationErrors {

  @ExceptionHandler(RegistrationException.class)
  ResponseEntity<Map<String, String>> refused(RegistrationException e) {
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(e.status()).cacheControl(CacheControl.noStore());
    if (e.status() == HttpStatus.UNAUTHORIZED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }
    return response.body(body(e.error(), e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    return badMetadata("the request body must be a JSON object of client metadata");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, String>> notJson(HttpMediaTypeNotSupportedException e) {
    return badMetadata("the request body must be application/json");
  }

  private static ResponseEntity<Map<String, String>> badMetadata(String description) {
    return ResponseEntity.badRequest()
        .cacheControl(CacheControl.noStore())
        .body(body(RegistrationException.INVALID_CLIENT_METADATA, description));
  }

  private static Map<String, String> body(String error, String description) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return body;
  }
}
