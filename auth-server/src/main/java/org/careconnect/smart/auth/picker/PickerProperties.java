package org.careconnect.smart.auth.picker;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code careconnect.auth.picker}, declared once with their defaults in
 * application.yaml.
 *
 * @param fhirBaseUrl the FHIR server the patient picker searches
 * @param maxResults at most this many patients (or encounters) are offered per search
 * @param timeout connect and read timeout of each search
 */
@ConfigurationProperties("careconnect.auth.picker")
record PickerProperties(URI fhirBaseUrl, int maxResults, Duration timeout) {

  PickerProperties {
    if (fhirBaseUrl == null || !fhirBaseUrl.isAbsolute()) {
      throw new IllegalArgumentException("careconnect.auth.picker.fhir-base-url must be absolute");
    }
    if (maxResults < 1 || maxResults > 100) {
      throw new IllegalArgumentException("careconnect.auth.picker.max-results must be 1..100");
    }
  }
}
