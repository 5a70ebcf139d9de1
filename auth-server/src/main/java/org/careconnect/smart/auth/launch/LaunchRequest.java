package org.careconnect.smart.auth.launch;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/launch}: the context an EHR (or the launcher) wants an app to
 * receive, with the field names of the SMART 2.2 token response.
 *
 * @param patient Patient id or {@code Patient/<id>}
 * @param encounter Encounter id or {@code Encounter/<id>}
 * @param user the EHR user: a fhirUser reference ({@code Practitioner/123}) or a username
 * @param fhirContext an array whose items are references ({@code "Observation/1"}) or SMART
 *     fhirContext objects ({@code {"reference": ..., "role": ...}})
 * @param clientId the app the launch is for
 * @param simulatedError demo profile only: {@code expired_token}, {@code invalid_scope} or
 *     {@code missing_pkce} ({@link SimulatedError})
 * @param skipLogin demo profile only: sign the launch's demo user in without the login page
 * @param skipConsent demo profile only: approve the requested scopes without the consent page
 */
record LaunchRequest(
    String patient,
    String encounter,
    String user,
    @JsonProperty("need_patient_banner") Boolean needPatientBanner,
    @JsonProperty("smart_style_url") String smartStyleUrl,
    @JsonProperty("fhirContext") JsonNode fhirContext,
    @JsonProperty("client_id") String clientId,
    @JsonProperty("simulated_error") String simulatedError,
    @JsonProperty("skip_login") Boolean skipLogin,
    @JsonProperty("skip_consent") Boolean skipConsent) {}
