package org.careconnect.smart.auth.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * The SMART launch context of one authorization (SMART App Launch 2.2 §"Launch context
 * arrives with your access_token"): fixed when the authorization code is issued, kept on the
 * OAuth2Authorization as attribute {@link #ATTRIBUTE}, returned with every token response
 * (refreshes included) and in introspection.
 *
 * <p>Stored as a flat map of strings because the JDBC authorization service serialises attributes
 * with Spring Security's allow-listed Jackson typing, which refuses our own types.
 *
 * @param patient Patient id (not a reference), or null
 * @param encounter Encounter id, or null
 * @param needPatientBanner whether the app must show a patient banner, or null
 * @param smartStyleUrl URL of the EHR's style document, or null
 * @param fhirContextJson the fhirContext array as JSON, or null
 */
public record LaunchContext(
    String patient,
    String encounter,
    Boolean needPatientBanner,
    String smartStyleUrl,
    String fhirContextJson) {

  public static final String ATTRIBUTE = "careconnect.smart.launch_context";
  public static final LaunchContext NONE = new LaunchContext(null, null, null, null, null);
  private static final ObjectMapper JSON = new ObjectMapper();

  public static LaunchContext patient(String patientId) {
    return new LaunchContext(patientId, null, null, null, null);
  }

  public static LaunchContext of(OAuth2Authorization authorization) {
    Map<String, String> stored = authorization.getAttribute(ATTRIBUTE);
    if (stored == null) {
      return NONE;
    }
    String banner = stored.get("need_patient_banner");
    return new LaunchContext(
        stored.get("patient"),
        stored.get("encounter"),
        banner == null ? null : Boolean.valueOf(banner),
        stored.get("smart_style_url"),
        stored.get("fhirContext"));
  }

  public Map<String, String> toAttribute() {
    Map<String, String> map = new HashMap<>();
    putIfPresent(map, "patient", patient);
    putIfPresent(map, "encounter", encounter);
    putIfPresent(map, "need_patient_banner", needPatientBanner == null ? null : needPatientBanner.toString());
    putIfPresent(map, "smart_style_url", smartStyleUrl);
    putIfPresent(map, "fhirContext", fhirContextJson);
    return map;
  }

  /** The token response parameters: patient, encounter, need_patient_banner, ... */
  public Map<String, Object> tokenResponseParameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    putIfPresent(parameters, "patient", patient);
    putIfPresent(parameters, "encounter", encounter);
    putIfPresent(parameters, "need_patient_banner", needPatientBanner);
    putIfPresent(parameters, "smart_style_url", smartStyleUrl);
    fhirContext().ifPresent(context -> parameters.put("fhirContext", context));
    return parameters;
  }

  private Optional<List<?>> fhirContext() {
    if (fhirContextJson == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(fhirContextJson, List.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored fhirContext is not a JSON array", e);
    }
  }

  private static <V> void putIfPresent(Map<String, V> map, String key, V value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
