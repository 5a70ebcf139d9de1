package org.careconnect.smart.auth.picker;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient picker pages (SMART App Launch 2.2 §standalone launch): search the FHIR server by
 * name, NHS number or date of birth, pick one of the results, then (for {@code
 * launch/encounter}) one of the patient's encounters, and return to the authorization request.
 * Pages need a logged-in user and their forms carry the CSRF token (the login chain).
 */
@Controller
class PatientPickerController {

  static final String PATH = "/picker";
  private static final Logger log = LoggerFactory.getLogger(PatientPickerController.class);
  private static final String VIEW = "picker";

  private final FhirPatientSearch search;
  private final RegisteredClientRepository clients;

  PatientPickerController(FhirPatientSearch search, RegisteredClientRepository clients) {
    this.search = search;
    this.clients = clients;
  }

  @GetMapping(PATH)
  String searchPage(
      @RequestParam(required = false) String pick,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String nhsNumber,
      @RequestParam(required = false) String birthDate,
      HttpSession session,
      HttpServletResponse response,
      Model model) {
    Optional<PendingPick> pending = PickerSession.of(session).pending(pick);
    if (pending.isEmpty()) {
      return gone(response, model);
    }
    PatientQuery query = new PatientQuery(name, nhsNumber, birthDate);
    page(model, pending.get(), query);
    if (query.isEmpty()) {
      return VIEW; // the empty search form
    }
    String problem = query.problem();
    if (problem != null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problem", problem);
      return VIEW;
    }
    return show("patients", () -> search.patients(query), pending.get()::offerPatients, model, response);
  }

  @PostMapping(PATH + "/patient")
  String pickPatient(
      @RequestParam(required = false) String pick,
      @RequestParam(required = false) String patient,
      HttpSession session,
      HttpServletResponse response,
      Model model) {
    PickerSession picker = PickerSession.of(session);
    Optional<PendingPick> pending = picker.pending(pick);
    if (pending.isEmpty()) {
      return gone(response, model);
    }
    if (patient == null || !pending.get().pickPatient(patient)) {
      // Only a patient a search offered may become the context (never a forged id).
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      page(model, pending.get(), new PatientQuery(null, null, null));
      model.addAttribute("problem", "Choose a patient from the search results.");
      return VIEW;
    }
    if (!pending.get().wantsEncounter()) {
      picker.finish(pending.get(), new PickedContext(patient, null));
      return "redirect:" + pending.get().authorizationRequestUri();
    }
    return "redirect:" + PATH + "/encounter?pick=" + pending.get().id();
  }

  @GetMapping(PATH + "/encounter")
  String encounterPage(
      @RequestParam(required = false) String pick,
      HttpSession session,
      HttpServletResponse response,
      Model model) {
    Optional<PendingPick> pending = PickerSession.of(session).pending(pick);
    if (pending.isEmpty() || pending.get().patient() == null) {
      return gone(response, model);
    }
    page(model, pending.get(), new PatientQuery(null, null, null));
    String patient = pending.get().patient();
    return show(
        "encounters", () -> search.encounters(patient), pending.get()::offerEncounters, model, response);
  }

  @PostMapping(PATH + "/encounter")
  String pickEncounter(
      @RequestParam(required = false) String pick,
      @RequestParam(required = false) String encounter,
      HttpSession session,
      HttpServletResponse response,
      Model model) {
    PickerSession picker = PickerSession.of(session);
    Optional<PendingPick> pending = picker.pending(pick);
    if (pending.isEmpty() || pending.get().patient() == null) {
      return gone(response, model);
    }
    boolean none = !StringUtils.hasText(encounter);
    if (!none && !pending.get().offeredEncounter(encounter)) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      page(model, pending.get(), new PatientQuery(null, null, null));
      model.addAttribute("problem", "Choose an encounter from the list.");
      return VIEW;
    }
    picker.finish(pending.get(), new PickedContext(pending.get().patient(), none ? null : encounter));
    return "redirect:" + pending.get().authorizationRequestUri();
  }

  /** A FHIR search whose results the page lists. */
  @FunctionalInterface
  private interface Search<T> {
    List<T> run() throws FhirSearchException;
  }

  /** Runs the search, records what it offered (only those may be picked) and lists them. */
  private static <T> String show(
      String name,
      Search<T> search,
      Consumer<List<T>> offer,
      Model model,
      HttpServletResponse response) {
    try {
      List<T> found = search.run();
      offer.accept(found);
      model.addAttribute(name, found);
      return VIEW;
    } catch (FhirSearchException e) {
      log.warn("Patient picker: {}", e.getMessage());
      return unavailable(response, model);
    }
  }

  private void page(Model model, PendingPick pick, PatientQuery query) {
    RegisteredClient client = clients.findByClientId(pick.flow().clientId());
    model.addAttribute("pick", pick.id());
    model.addAttribute("appName", client == null ? pick.flow().clientId() : client.getClientName());
    model.addAttribute("query", query);
  }

  private static String gone(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute(
        "gone", "This patient selection has ended. Go back to the app and start again.");
    return VIEW;
  }

  private static String unavailable(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
    model.addAttribute(
        "problem", "Patient search is not available at the moment. Try again in a few minutes.");
    return VIEW;
  }
}
