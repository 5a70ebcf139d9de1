package org.careconnect.smart.launcher.ehr;

import org.careconnect.smart.launcher.launch.LaunchForm;
import org.careconnect.smart.launcher.launch.Launcher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The EHR-like frame: an NHS-style patient banner above the app in an iframe. Each GET launches
 * anew (a fresh launch id), so the page's address is the shareable link and a reload works.
 */
@Controller
class EhrController {

  private final Launcher launcher;

  EhrController(Launcher launcher) {
    this.launcher = launcher;
  }

  @GetMapping("/ehr")
  String ehr(@ModelAttribute("launch") LaunchForm form, Model model) {
    form.setOpen(LaunchForm.Open.FRAME);
    Launcher.Prepared launch = launcher.prepare(form);
    model.addAttribute("prepared", launch);
    model.addAttribute("appUrl", launcher.start(launch));
    model.addAttribute(
        "shareUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/ehr").build().toUriString() + "?" + form.query());
    return "ehr";
  }
}
