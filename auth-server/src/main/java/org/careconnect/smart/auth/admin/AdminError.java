package org.careconnect.smart.auth.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The admin API's error body, shaped like RFC 6749 §5.2's ({@code error}, {@code
 * error_description}) plus {@code field}, the request field at fault for a 400.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AdminError(
    String error, @JsonProperty("error_description") String errorDescription, String field) {

  static AdminError of(String error, String description) {
    return new AdminError(error, description, null);
  }
}
