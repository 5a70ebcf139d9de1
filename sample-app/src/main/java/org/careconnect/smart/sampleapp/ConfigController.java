package org.careconnect.smart.sampleapp;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code config.json}: what the pages need to start a launch. Served from configuration so one
 * build runs against any deployment; nothing in it is secret (the client is public).
 */
@RestController
class ConfigController {

  private final SampleAppProperties properties;

  ConfigController(SampleAppProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/config.json")
  ResponseEntity<Map<String, String>> config() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            Map.of(
                "clientId", properties.clientId(),
                "scope", properties.scope(),
                "standaloneScope", properties.standaloneScope(),
                "fhirBaseUrl", properties.fhirBaseUrl().toString()));
  }
}
