package org.careconnect.smart.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The compose check on a fixture with one mistake of each kind: each is reported, exactly. */
class ComposeCheckTest {

    @Test
    void reportsEachMistakeOfTheFixtureAndNothingElse() {
        Problems problems = new Problems();
        new ComposeCheck(ImageCatalogue.read(Fixture.root()))
                .check(Fixture.root().resolve("deploy/compose.yaml"), problems);

        assertThat(problems.list()).containsExactly(
                "compose.yaml services.auth-1: environment variable AUTH_ISUER is not read by auth-server",
                "compose.yaml services.auth-1: AUTH_DB_PASSWORD is set inline; use a compose secret (a file under /run/secrets)",
                "compose.yaml services.auth-1: secret target AUTH_DB_PASWORD is not a variable auth-server reads",
                "compose.yaml services.auth-1: exposes 9001 but the image listens on 9000",
                "compose.yaml services.auth-1: health check http://localhost:9000/health is not an actuator liveness or readiness path",
                "compose.yaml services.auth-2: image example/auth-servr:1.2.3 is not one the build makes "
                        + "[example/auth-server:1.2.3] nor [mysql:8.4, nginx:1.27]",
                "compose.yaml services.db: MYSQL_ROOT_PASSWORD is set inline; use a compose secret (a file under /run/secrets)",
                "nginx/ingress.conf upstream server auth-1: port 9001 differs from the image's port 9000",
                "nginx/ingress.conf upstream server auth-3: is not one of the compose services [auth-1]",
                "compose.yaml: auth-server runs 1 times, not 2");
    }

    @Test
    void composeDefaultsAreTakenForTheImageName() {
        assertThat(ComposeCheck.interpolateDefaults("example/auth-server:${VERSION:-1.2.3}"))
                .isEqualTo("example/auth-server:1.2.3");
        assertThat(ComposeCheck.interpolateDefaults("example/auth-server:${VERSION-1.2.3}"))
                .isEqualTo("example/auth-server:1.2.3");
    }
}
