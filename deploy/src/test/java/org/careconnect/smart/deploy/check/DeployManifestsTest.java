package org.careconnect.smart.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's own deploy/compose.yaml and deploy/k8s against its services (read from the
 * sibling modules' files): nothing inconsistent, and the shape the deployment promises.
 */
class DeployManifestsTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void composeAndKubernetesManifestsMatchTheServices() {
        assertThat(DeployCheck.check(PROJECT)).isEmpty();
    }

    @Test
    void theBuildMakesAnImageForEachServiceOnItsPort() {
        assertThat(ImageCatalogue.read(PROJECT).all())
                .extracting(image -> image.image() + " " + image.port())
                .containsExactlyInAnyOrder(
                        "careconnect-smart/fhir-server:0.1.0-SNAPSHOT 8080",
                        "careconnect-smart/auth-server:0.1.0-SNAPSHOT 9000",
                        "careconnect-smart/smart-launcher:0.1.0-SNAPSHOT 9100",
                        "careconnect-smart/sample-app:0.1.0-SNAPSHOT 9200");
    }

    @Test
    void everyKubernetesManifestIsInTheKustomization() throws IOException {
        Path directory = PROJECT.resolve("deploy/k8s");
        List<Object> listed = Yamls.list(Yamls.documents(directory.resolve("kustomization.yaml")).get(0).get("resources"));
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(listed.stream().map(String::valueOf).toList());
        }
    }

    @Test
    void composeRunsTheWholeStackBehindATlsIngress() {
        Map<String, Object> services = Yamls.map(Yamls.documents(PROJECT.resolve("deploy/compose.yaml")).get(0), "services");
        assertThat(services).containsOnlyKeys("mysql", "auth-server-1", "auth-server-2", "fhir-server-1", "fhir-server-2",
                "smart-launcher", "sample-app", "ingress");
        assertThat(Yamls.list(Yamls.map(services, "ingress").get("ports"))).anyMatch(port -> String.valueOf(port).endsWith(":443"));
        // Only the ingress is published on the host; the services are reached through it.
        services.forEach((name, service) -> {
            if (!name.equals("ingress")) {
                assertThat(Yamls.map(service).get("ports")).as(name + " publishes no port").isNull();
            }
        });
    }
}
