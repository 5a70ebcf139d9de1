package org.careconnect.smart.fhir.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says loudly, at start-up, that the FHIR API is open to anyone (facade tests only). */
@Component
@ConditionalOnProperty(name = "careconnect.fhir.security.enabled", havingValue = "false")
class SecurityOffWarning {

  private static final Logger log = LoggerFactory.getLogger(SecurityOffWarning.class);

  @EventListener(ApplicationReadyEvent.class)
  void warn() {
    log.warn("**************************************************************************");
    log.warn("SECURITY IS OFF: careconnect.fhir.security.enabled=false. Every FHIR request");
    log.warn("is served without a token. Never run this way with real data.");
    log.warn("**************************************************************************");
  }
}
