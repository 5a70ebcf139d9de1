package org.careconnect.smart.auth.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a production server: when no admin exists and both
 * {@code AUTH_BOOTSTRAP_ADMIN_USERNAME} and {@code AUTH_BOOTSTRAP_ADMIN_PASSWORD} are set, that
 * user is created (or, if the username exists, made an admin and given that password) at
 * start-up. Once an admin exists the variables are ignored, with a warning to remove them, so a
 * leaked variable cannot later take over the server. The demo profile's admin comes from here too
 * (application-demo.yaml sets the variables' defaults).
 */
@Component
class AdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final UserDirectory users;
  private final String username;
  private final String password;

  AdminBootstrap(
      UserDirectory users,
      @Value("${careconnect.auth.admin.bootstrap-username}") String username,
      @Value("${careconnect.auth.admin.bootstrap-password}") String password) {
    this.users = users;
    this.username = username;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean configured = !username.isBlank() && !password.isBlank();
    if (users.anyAdmin()) {
      if (configured) {
        log.warn("An admin exists: AUTH_BOOTSTRAP_ADMIN_USERNAME/PASSWORD are ignored; remove them");
      }
      return;
    }
    if (!configured) {
      log.warn(
          "No admin user: set AUTH_BOOTSTRAP_ADMIN_USERNAME and AUTH_BOOTSTRAP_ADMIN_PASSWORD"
              + " for one start to create the first (README \"Bootstrap admin\")");
      return;
    }
    boolean exists = users.list().stream().anyMatch(u -> u.username().equals(username));
    if (exists) {
      users.update(username, new UserDirectory.UserChange(null, password, null, null, null, true, true));
    } else {
      users.create(
          new UserDirectory.UserChange(
              username, password, "CLINICIAN", "Practitioner/admin", "Administrator", true, true));
    }
    log.info("Bootstrap admin {} created; remove AUTH_BOOTSTRAP_ADMIN_PASSWORD now", username);
  }
}
