package org.careconnect.smart.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a service reads: its placeholders, its properties in relaxed form, Boot's own families. */
class ServiceVariablesTest {

    private final ServiceVariables reads = ServiceVariables.read(Fixture.root().resolve("svc"));

    @Test
    void placeholdersOfItsApplicationYamlAreRead() {
        assertThat(reads.reads("AUTH_ISSUER")).isTrue();
        assertThat(reads.reads("AUTH_DB_PASSWORD")).isTrue();
        assertThat(reads.reads("PORT")).isTrue();
    }

    @Test
    void propertiesAreReadInBothRelaxedForms() {
        assertThat(reads.reads("CARECONNECT_AUTH_MAXTHING")).isTrue();
        assertThat(reads.reads("CARECONNECT_AUTH_MAX_THING")).isTrue();
        assertThat(reads.reads("CARECONNECT_AUTH_ISSUER")).isTrue();
    }

    @Test
    void bootAndJvmFamiliesAreReadAndNothingElse() {
        assertThat(reads.reads("SPRING_PROFILES_ACTIVE")).isTrue();
        assertThat(reads.reads("SPRING_SSL_BUNDLE_PEM_SERVER_KEYSTORE_CERTIFICATE")).isTrue();
        assertThat(reads.reads("SERVER_FORWARD_HEADERS_STRATEGY")).isTrue();
        assertThat(reads.reads("JAVA_TOOL_OPTIONS")).isTrue();
        assertThat(reads.reads("AUTH_ISUER")).isFalse();
        assertThat(reads.reads("CARECONNECT_AUTH_MAX_THINGS")).isFalse();
        assertThat(reads.reads("SPRING_DATASOURCE_URL")).isFalse();
    }
}
