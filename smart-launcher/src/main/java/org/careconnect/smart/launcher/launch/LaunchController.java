package org.careconnect.smart.launcher.launch;

import java.net.URI;
import java.util.List;
import org.careconnect.smart.launcher.LauncherProperties;
import org.careconnect.smart.launcher.apps.Apps;
import org.careconnect.smart.launcher.fhir.EncounterSummary;
import org.careconnect.smart.launcher.fhir.FhirSearch;
import org.careconnect.smart.launcher.fhir.UpstreamException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The launcher page and its routes. {@code GET /} shows the choices (and patient search
 * results); the form POSTs (with CSRF) and is answered 303 to a GET that carries every choice in
 * its query string: {@code /launch} (new tab), {@code /ehr} (EHR frame) or back to {@code /}
 * (search). That GET is the shareable link: opening it launches again, with a fresh launch id.
 */
@Controller
class LaunchController {

  private final Launcher launcher;
  private final FhirSearch fhir;
  private final Apps apps;
  private final LauncherProperties properties;

  LaunchController(Launcher launcher, FhirSearch fhir, Apps apps, LauncherProperties properties) {
    this.launcher = launcher;
    this.fhir = fhir;
    this.apps = apps;
    this.properties = properties;
  }

  @GetMapping("/")
  String page(@ModelAttribute("launch") LaunchForm form, @RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("q", q);
    model.addAttribute("types", LaunchType.values());
    model.addAttribute("errors", SimulatedError.values());
    model.addAttribute("apps", apps.all());
    model.addAttribute("users", properties.users());
    model.addAttribute("fhirBase", properties.fhirBase());
    try {
      if (!q.isBlank()) {
        model.addAttribute("patients", fhir.patients(q));
      }
      if (!form.getPatient().isEmpty()) {
        model.addAttribute("chosen", fhir.patient(form.getPatient()).orElse(null));
        List<EncounterSummary> encounters = fhir.encounters(form.getPatient());
        model.addAttribute("encounters", encounters);
      }
    } catch (UpstreamException e) {
      // The page still works for standalone launches; the search says why it has no results.
      model.addAttribute("searchProblem", e.getMessage());
    }
    return "launcher";
  }

  @PostMapping("/launch")
  ResponseEntity<Void> submit(@ModelAttribute LaunchForm form, @RequestParam(defaultValue = "frame") String action,
      @RequestParam(defaultValue = "") String q) {
    if (action.equals("search")) {
      return seeOther("/?" + form.query() + "&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
    }
    if (action.equals("encounters")) {
      return seeOther("/?" + form.query());
    }
    if (form.getType() == LaunchType.BACKEND_SERVICE) {
      return seeOther("/backend");
    }
    form.setOpen(action.equals("tab") ? LaunchForm.Open.TAB : LaunchForm.Open.FRAME);
    launcher.prepare(form); // refuses bad choices here, before any page opens
    return seeOther((form.getOpen() == LaunchForm.Open.TAB ? "/launch?" : "/ehr?") + form.query());
  }

  /** The shareable launch: registers a fresh launch and sends the browser to the app. */
  @GetMapping("/launch")
  ResponseEntity<Void> launch(@ModelAttribute LaunchForm form) {
    if (form.getType() == LaunchType.BACKEND_SERVICE) {
      return seeOther("/backend");
    }
    if (form.getOpen() == LaunchForm.Open.FRAME) {
      return seeOther("/ehr?" + form.query());
    }
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(launcher.start(launcher.prepare(form)))).build();
  }

  private static ResponseEntity<Void> seeOther(String location) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
  }
}
