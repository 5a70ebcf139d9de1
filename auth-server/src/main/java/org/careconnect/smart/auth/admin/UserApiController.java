package org.careconnect.smart.auth.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.careconnect.smart.auth.account.UserDirectory;
import org.careconnect.smart.auth.account.UserDirectory.UserChange;
import org.careconnect.smart.auth.account.UserDirectory.UserView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/users}: list, create, update (role, fhirUser, password, disable), delete. */
@AdminApi
@RestController
@RequestMapping("/api/admin/users")
class UserApiController {

  /** The JSON of a user; {@code password} is write-only. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record UserJson(
      String username,
      String password,
      String kind,
      @JsonProperty("fhir_user") String fhirUser,
      @JsonProperty("display_name") String displayName,
      Boolean enabled,
      Boolean admin) {

    UserChange change() {
      return new UserChange(username, password, kind, fhirUser, displayName, enabled, admin);
    }

    static UserJson of(UserView user) {
      return new UserJson(
          user.username(), null, user.kind(), user.fhirUser(), user.displayName(), user.enabled(), user.admin());
    }
  }

  private final UserDirectory users;

  UserApiController(UserDirectory users) {
    this.users = users;
  }

  @GetMapping
  List<UserJson> list() {
    return users.list().stream().map(UserJson::of).toList();
  }

  @GetMapping("/{username}")
  UserJson read(@PathVariable String username) {
    return UserJson.of(users.get(username));
  }

  @PostMapping
  ResponseEntity<UserJson> create(@RequestBody UserJson user) {
    return ResponseEntity.status(HttpStatus.CREATED).body(UserJson.of(users.create(user.change())));
  }

  @PutMapping("/{username}")
  UserJson update(@PathVariable String username, @RequestBody UserJson change) {
    return UserJson.of(users.update(username, change.change()));
  }

  @DeleteMapping("/{username}")
  ResponseEntity<Void> delete(@PathVariable String username) {
    users.delete(username);
    return ResponseEntity.noContent().build();
  }
}
