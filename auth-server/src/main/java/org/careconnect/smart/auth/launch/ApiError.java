package org.careconnect.smart.auth.launch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An RFC 6749 §5.2 / RFC 6750 §3.1 error body: {@code {"error": ..., "error_description": ...}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiError(String error, @JsonProperty("error_description") String errorDescription) {}
