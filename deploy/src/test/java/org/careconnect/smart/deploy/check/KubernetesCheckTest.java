package org.careconnect.smart.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Kubernetes check on a fixture with one mistake of each kind: each is reported, exactly. */
class KubernetesCheckTest {

    @Test
    void reportsEachMistakeOfTheFixtureAndNothingElse() {
        Problems problems = new Problems();
        new KubernetesCheck(ImageCatalogue.read(Fixture.root()))
                .check(Fixture.root().resolve("deploy/k8s/kustomization.yaml"), problems);

        String container = "auth-server.yaml Deployment auth-server container auth-server: ";
        assertThat(problems.list()).containsExactly(
                "kustomization.yaml: lists missing.yaml, which does not exist",
                "auth-server.yaml Secret auth-db: a Secret with values is committed; create it with kubectl (docs/deploy.md)",
                "ConfigMap auth-config: AUTH_DB_PASSWORD is a secret; use a Secret and secretKeyRef",
                container + "readOnlyRootFilesystem is not true",
                container + "AUTH_DB_PASSWORD is not a secretKeyRef",
                container + "environment variable AUTH_ISSUR (ConfigMap auth-config) is not read by auth-server",
                container + "no startupProbe (httpGet on Actuator)",
                container + "livenessProbe path /health is not [/actuator/health/liveness, /actuator/health/readiness]",
                container + "readinessProbe port management is not a declared container port",
                "auth-server.yaml Deployment auth-server: replicas 1, not 2",
                "auth-server.yaml Deployment auth-server: no PodDisruptionBudget for auth-server",
                "auth-server.yaml Deployment auth-server container sidecar: image example/unknown:1 is not one the build makes "
                        + "nor [mysql:8.4, nginx:1.27]",
                "auth-server.yaml Service auth-server: targetPort web is not a port of auth-server");
    }
}
