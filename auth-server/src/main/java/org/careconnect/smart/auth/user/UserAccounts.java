package org.careconnect.smart.auth.user;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * People who log in, from the app_user table. The principal is Spring's own {@link User} (with
 * ROLE_CLINICIAN or ROLE_PATIENT, plus ROLE_ADMIN) because Spring Authorization Server serialises it into the
 * stored authorization and only allows its own and Spring Security's types there; the FHIR
 * identity is looked up by username with {@link #fhirUser}.
 */
public class UserAccounts implements UserDetailsPasswordService {

  /** Who a user is in FHIR terms. */
  public enum Kind {
    CLINICIAN,
    PATIENT
  }

  private final JdbcTemplate jdbc;

  UserAccounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** For password login (a {@link UserDetailsService}) and the demo launch shortcuts. */
  public UserDetails loadUserByUsername(String username) {
    List<UserDetails> users =
        jdbc.query(
            "SELECT username, password_hash, kind, enabled, admin FROM app_user WHERE username = ?",
            (rs, i) ->
                User.withUsername(rs.getString("username"))
                    .password(rs.getString("password_hash"))
                    .authorities(authorities(rs.getString("kind"), rs.getBoolean("admin")))
                    .disabled(!rs.getBoolean("enabled"))
                    .build(),
            username);
    if (users.isEmpty()) {
      throw new UsernameNotFoundException("No such user");
    }
    return users.get(0);
  }

  /**
   * Replaces the stored hash of a user who has just logged in with one made with the current
   * settings (Spring's DaoAuthenticationProvider calls this when the stored one is bcrypt or weaker
   * Argon2id). Only if the stored hash is still the one just checked: a password changed meanwhile
   * (admin, another node) is not overwritten.
   */
  @Override
  public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
    jdbc.update(
        "UPDATE app_user SET password_hash = ? WHERE username = ? AND password_hash = ?",
        newPasswordHash,
        user.getUsername(),
        user.getPassword());
    return User.withUserDetails(user).password(newPasswordHash).build();
  }

  /** ROLE_CLINICIAN or ROLE_PATIENT, and ROLE_ADMIN for administrators (migration V30). */
  private static List<SimpleGrantedAuthority> authorities(String kind, boolean admin) {
    SimpleGrantedAuthority role = new SimpleGrantedAuthority("ROLE_" + kind);
    return admin ? List.of(role, new SimpleGrantedAuthority("ROLE_ADMIN")) : List.of(role);
  }

  /** The user's FHIR resource reference (SMART fhirUser), e.g. {@code Patient/demo-pat-1}. */
  public Optional<String> fhirUser(String username) {
    return jdbc
        .queryForList("SELECT fhir_user FROM app_user WHERE username = ?", String.class, username)
        .stream()
        .findFirst();
  }

  /** Adds a user unless one with that username exists; true when added. */
  public boolean createIfAbsent(
      String username, String passwordHash, Kind kind, String fhirUser, String displayName) {
    Integer existing =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, username);
    if (existing != null && existing > 0) {
      return false;
    }
    jdbc.update(
        "INSERT INTO app_user (username, password_hash, kind, fhir_user, display_name, enabled)"
            + " VALUES (?, ?, ?, ?, ?, TRUE)",
        username,
        passwordHash,
        kind.name(),
        fhirUser,
        displayName);
    return true;
  }
}
