package org.careconnect.smart.auth.account;

import java.util.List;
import java.util.regex.Pattern;
import org.careconnect.smart.auth.user.UserAccounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing the people who log in (table app_user): the one place the admin API, the admin pages
 * and the bootstrap administrator change users. Passwords are hashed with the server's encoder
 * (Argon2id, user/UserConfig); a deleted user loses their approvals and tokens with them.
 */
@Component
public class UserDirectory {

  /** NIST SP 800-63B §5.1.1.2: at least 8 characters; we ask 12 of people who can change others. */
  static final int MIN_PASSWORD = 12;

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
  private static final Pattern FHIR_USER =
      Pattern.compile("(Practitioner|Patient|RelatedPerson|Person)/[A-Za-z0-9\\-.]{1,64}");

  /** A user as the admin sees it (never the password hash). */
  public record UserView(
      String username, String kind, String fhirUser, String displayName, boolean enabled, boolean admin) {}

  /** A new user, or a change: null fields are left as they are on update. */
  public record UserChange(
      String username,
      String password,
      String kind,
      String fhirUser,
      String displayName,
      Boolean enabled,
      Boolean admin) {}

  private final JdbcTemplate jdbc;
  private final PasswordEncoder encoder;
  private final Approvals approvals;
  private final UserAccounts accounts;

  UserDirectory(JdbcTemplate jdbc, PasswordEncoder encoder, Approvals approvals, UserAccounts accounts) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.encoder = encoder;
    this.approvals = approvals;
  }

  public List<UserView> list() {
    return jdbc.query(
        "SELECT username, kind, fhir_user, display_name, enabled, admin FROM app_user ORDER BY username",
        (rs, i) ->
            new UserView(
                rs.getString("username"),
                rs.getString("kind"),
                rs.getString("fhir_user"),
                rs.getString("display_name"),
                rs.getBoolean("enabled"),
                rs.getBoolean("admin")));
  }

  public UserView get(String username) {
    return list().stream()
        .filter(u -> u.username().equals(username))
        .findFirst()
        .orElseThrow(() -> RequestRefused.notFound("no user " + username));
  }

  public boolean anyAdmin() {
    Integer admins = jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE admin = TRUE", Integer.class);
    return admins != null && admins > 0;
  }

  @Transactional
  public UserView create(UserChange user) {
    if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
      throw RequestRefused.invalid("username", "username must be 1-100 letters, digits or . _ @ -");
    }
    String kind = kind(user.kind() == null ? "CLINICIAN" : user.kind());
    checkPassword(user.password());
    String fhirUser = fhirUser(user.fhirUser(), kind);
    String display = user.displayName() == null ? user.username() : text("display_name", user.displayName());
    boolean created =
        accounts.createIfAbsent(
            user.username(), encoder.encode(user.password()), UserAccounts.Kind.valueOf(kind), fhirUser, display);
    if (!created) {
      throw RequestRefused.conflict("username", "user " + user.username() + " exists");
    }
    jdbc.update(
        "UPDATE app_user SET enabled = ?, admin = ? WHERE username = ?",
        user.enabled() == null || user.enabled(),
        Boolean.TRUE.equals(user.admin()),
        user.username());
    return get(user.username());
  }

  @Transactional
  public UserView update(String username, UserChange change) {
    UserView current = get(username);
    String kind = change.kind() == null ? current.kind() : kind(change.kind());
    String fhirUser =
        change.fhirUser() == null && change.kind() == null
            ? current.fhirUser()
            : fhirUser(change.fhirUser() == null ? current.fhirUser() : change.fhirUser(), kind);
    boolean enabled = change.enabled() == null ? current.enabled() : change.enabled();
    boolean admin = change.admin() == null ? current.admin() : change.admin();
    if (current.admin() && current.enabled() && !(admin && enabled) && adminCount() == 1) {
      // Without this the server could be left with nobody able to manage it.
      throw RequestRefused.conflict("admin", "the last enabled admin cannot be demoted or disabled");
    }
    String display =
        change.displayName() == null ? current.displayName() : text("display_name", change.displayName());
    jdbc.update(
        "UPDATE app_user SET kind = ?, fhir_user = ?, display_name = ?, enabled = ?, admin = ?"
            + " WHERE username = ?",
        kind, fhirUser, display, enabled, admin, username);
    if (change.password() != null) {
      checkPassword(change.password());
      jdbc.update(
          "UPDATE app_user SET password_hash = ? WHERE username = ?",
          encoder.encode(change.password()),
          username);
    }
    if (!enabled) {
      approvals.revokeAllOf(username); // a disabled user's tokens stop working at once
    }
    return get(username);
  }

  @Transactional
  public void delete(String username) {
    UserView current = get(username);
    if (current.admin() && current.enabled() && adminCount() == 1) {
      throw RequestRefused.conflict("username", "the last enabled admin cannot be deleted");
    }
    approvals.revokeAllOf(username);
    jdbc.update("DELETE FROM app_user WHERE username = ?", username);
  }

  private int adminCount() {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM app_user WHERE admin = TRUE AND enabled = TRUE", Integer.class);
    return n == null ? 0 : n;
  }

  private static String kind(String kind) {
    try {
      return UserAccounts.Kind.valueOf(kind).name();
    } catch (IllegalArgumentException e) {
      throw RequestRefused.invalid("kind", "kind must be CLINICIAN or PATIENT");
    }
  }

  private static String fhirUser(String fhirUser, String kind) {
    if (fhirUser == null || !FHIR_USER.matcher(fhirUser).matches()) {
      throw RequestRefused.invalid(
          "fhir_user", "fhir_user must be a FHIR reference such as Practitioner/123 or Patient/456");
    }
    if (kind.equals("PATIENT") != fhirUser.startsWith("Patient/")) {
      throw RequestRefused.invalid("fhir_user", "a PATIENT is a Patient/..., a CLINICIAN is not");
    }
    return fhirUser;
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
      throw RequestRefused.invalid(
          "password", "password must be " + MIN_PASSWORD + " to 200 characters");
    }
  }

  private static String text(String field, String value) {
    if (value.isBlank() || value.length() > 200) {
      throw RequestRefused.invalid(field, field + " must be 1 to 200 characters");
    }
    return value;
  }
}
