package org.careconnect.smart.fhir.server;

/**
 * Marks an interceptor that belongs on every FHIR face, the open demo face at /open/fhir/STU3
 * included: input guards and CapabilityStatement details. Security, scope rules and audit are
 * plain {@link FhirServerInterceptor}s and stay on the secured face.
 */
public interface EveryFaceInterceptor extends FhirServerInterceptor {}
