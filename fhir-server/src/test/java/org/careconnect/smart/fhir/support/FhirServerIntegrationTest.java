package org.careconnect.smart.fhir.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.careconnect.smart.fhir.FhirServerApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the real server on a random port, over HTTP. All such tests share one server
 * and one in-memory database, so each test makes its own data (unique identifiers) and never
 * assumes an empty store.
 *
 * <p>Security is off here: these tests specify the FHIR API itself (interactions, search,
 * validation), the same with or without a token, and predate SMART enforcement. The enforcement
 * has its own tests, with security on, in {@code security/}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = FhirServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "careconnect.fhir.security.enabled=false")
@ActiveProfiles("test")
public @interface FhirServerIntegrationTest {}
