package org.careconnect.smart.auth.launch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/launch}: an EHR (or the launcher) registers the context of an EHR launch and
 * receives the launch id it then passes to the app (SMART App Launch 2.2 §EHR launch). Only
 * clients holding the launch API scope get here ({@link LaunchApiSecurityConfig}).
 */
@RestController
class LaunchApiController {

  private final LaunchRegistration registration;
  private final LaunchProperties properties;

  LaunchApiController(LaunchRegistration registration, LaunchProperties properties) {
    this.registration = registration;
    this.properties = properties;
  }

  @PostMapping(path = LaunchApiSecurityConfig.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> register(@RequestBody LaunchRequest request) {
    EhrLaunch launch = registration.register(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("launch", launch.id());
    body.put("expires_in", properties.lifetime().toSeconds());
    // The launch id is a bearer credential for the context until used: never cached.
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  @ExceptionHandler(InvalidLaunchRequestException.class)
  ResponseEntity<ApiError> invalid(InvalidLaunchRequestException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable() {
    return error(HttpStatus.BAD_REQUEST, "the body must be a JSON object of launch context");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> notJson() {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json");
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String description) {
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError("invalid_request", description));
  }
}
