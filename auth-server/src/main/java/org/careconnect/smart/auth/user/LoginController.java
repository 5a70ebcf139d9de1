package org.careconnect.smart.auth.user;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; the POST is Spring Security's form login (config/LoginSecurityConfig). */
@Controller
class LoginController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
