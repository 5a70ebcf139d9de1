package org.careconnect.smart.deploy.check;

import java.nio.file.Path;
import java.util.List;

/**
 * The deployment check of the test suite: compose.yaml and the Kubernetes manifests of
 * deploy/k8s against the images and variables of the services (see {@link ComposeCheck},
 * {@link KubernetesCheck}).
 */
public final class DeployCheck {

    private DeployCheck() {
    }

    /** Every problem found in PROJECT_ROOT/deploy; empty when all is consistent. */
    public static List<String> check(Path projectRoot) {
        ImageCatalogue images = ImageCatalogue.read(projectRoot);
        Problems problems = new Problems();
        new ComposeCheck(images).check(projectRoot.resolve("deploy/compose.yaml"), problems);
        new KubernetesCheck(images).check(projectRoot.resolve("deploy/k8s/kustomization.yaml"), problems);
        return problems.list();
    }
}
