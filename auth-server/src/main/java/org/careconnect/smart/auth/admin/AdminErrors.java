package org.careconnect.smart.auth.admin;

import org.careconnect.smart.auth.account.RequestRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal of the admin API as JSON with its status; never a stack trace. */
@RestControllerAdvice(annotations = AdminApi.class)
class AdminErrors {

  @ExceptionHandler(RequestRefused.class)
  ResponseEntity<AdminError> refused(RequestRefused e) {
    return ResponseEntity.status(e.status()).body(new AdminError(e.error(), e.getMessage(), e.field()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<AdminError> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest()
        .body(AdminError.of("invalid_request", "the body is not JSON of the expected shape"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<AdminError> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(AdminError.of("invalid_request", "send application/json"));
  }
}
