package org.careconnect.smart.launcher;

import org.careconnect.smart.launcher.fhir.UpstreamException;
import org.careconnect.smart.launcher.launch.LaunchRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every failure a person can cause or meet is a page saying what went wrong and what to do:
 * bad choices are 400, a server that refuses or cannot be reached is 502; never a 500 trace.
 */
@ControllerAdvice
class ErrorPages {

  private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

  @ExceptionHandler(LaunchRefused.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String refused(LaunchRefused e, Model model) {
    return page(model, "This launch cannot start", e.getMessage());
  }

  @ExceptionHandler({
    BindException.class,
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String badInput(Exception e, Model model) {
    return page(model, "This launch cannot start", "A choice in the address is not valid: check the link, or start again from the launcher page.");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  @ResponseStatus(HttpStatus.METHOD_NOT_ALLOWED)
  String method(Model model) {
    return page(model, "Not available", "This address does not take that kind of request. Start again from the launcher page.");
  }

  @ExceptionHandler(UpstreamException.class)
  @ResponseStatus(HttpStatus.BAD_GATEWAY)
  String upstream(UpstreamException e, Model model) {
    log.warn("{}", e.getMessage());
    return page(model, "A server did not answer as expected", e.getMessage());
  }

  private static String page(Model model, String title, String message) {
    model.addAttribute("title", title);
    model.addAttribute("message", message);
    return "problem";
  }
}
