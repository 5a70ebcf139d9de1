package org.careconnect.smart.fhir.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the FHIR API ({@code careconnect.fhir.*} in application.yaml, or the matching
 * environment variables such as {@code CARECONNECT_FHIR_PUBLIC_BASE_URL}).
 *
 * @param publicBaseUrl the base URL clients see, used in links; empty means taken from each request
 * @param defaultPageSize entries per search page when the client sends no {@code _count}
 * @param maxPageSize the largest {@code _count} honoured
 * @param maxRequestSize the largest request body accepted; larger ones get 413
 * @param pageLinkTtlMinutes how long a paging link keeps working
 */
@ConfigurationProperties("careconnect.fhir")
public record FhirServerProperties(
    String publicBaseUrl,
    int defaultPageSize,
    int maxPageSize,
    DataSize maxRequestSize,
    int pageLinkTtlMinutes) {}
