package org.careconnect.smart.fhir.server;

/** Marks a HAPI interceptor (an {@code @Interceptor} with {@code @Hook} methods) of the STU3 face. */
public interface FhirServerInterceptor {}
