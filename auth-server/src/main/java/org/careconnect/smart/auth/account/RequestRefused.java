package org.careconnect.smart.auth.account;

/**
 * A refused admin or self-service request, with the HTTP status it deserves and, for bad input,
 * the field at fault. The admin API answers it as JSON ({@code admin/AdminErrors}); the pages show
 * its message beside the form.
 */
public final class RequestRefused extends RuntimeException {

  private final int status;
  private final String error;
  private final String field;

  private RequestRefused(int status, String error, String field, String description) {
    super(description);
    this.status = status;
    this.error = error;
    this.field = field;
  }

  /** 400: the named field breaks a rule. */
  public static RequestRefused invalid(String field, String description) {
    return new RequestRefused(400, "invalid_request", field, description);
  }

  /** 404: nothing of that kind with that name (to this caller). */
  public static RequestRefused notFound(String description) {
    return new RequestRefused(404, "not_found", null, description);
  }

  /** 409: the change would clash with what exists. */
  public static RequestRefused conflict(String field, String description) {
    return new RequestRefused(409, "conflict", field, description);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }
}
