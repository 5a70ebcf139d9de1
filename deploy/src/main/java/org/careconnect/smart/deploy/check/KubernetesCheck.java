package org.careconnect.smart.deploy.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the Kubernetes manifests a kustomization.yaml lists: images, variables (env and the keys
 * of ConfigMaps given by envFrom) against what each service reads, secrets only as
 * {@code secretKeyRef} (no committed Secret values, no secret in a ConfigMap), ports, the three
 * probes on Actuator's liveness and readiness paths, non-root read-only containers, 2 replicas
 * with a PodDisruptionBudget for the auth and FHIR servers, Services pointing at declared ports.
 */
public final class KubernetesCheck {

    private static final Map<String, Integer> REPLICAS = Map.of("auth-server", 2, "fhir-server", 2);
    private static final List<String> PROBE_PATHS = List.of("/actuator/health/liveness", "/actuator/health/readiness");

    private final ImageCatalogue images;
    private final Map<Path, ServiceVariables> variables = new LinkedHashMap<>();

    public KubernetesCheck(ImageCatalogue images) {
        this.images = images;
    }

    public void check(Path kustomization, Problems problems) {
        Path directory = kustomization.getParent();
        List<Resource> resources = new ArrayList<>();
        for (Object entry : Yamls.list(Yamls.documents(kustomization).get(0).get("resources"))) {
            Path file = directory.resolve(String.valueOf(entry));
            if (!Files.isRegularFile(file)) {
                problems.add(kustomization.getFileName().toString(), "lists " + entry + ", which does not exist");
                continue;
            }
            for (Map<String, Object> document : Yamls.documents(file)) {
                resources.add(new Resource(file.getFileName().toString(), document));
            }
        }
        Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
        Set<String> disruptionBudgets = new HashSet<>();
        for (Resource resource : resources) {
            switch (resource.kind()) {
                case "ConfigMap" -> configMaps.put(resource.name(), Yamls.map(resource.document(), "data"));
                case "PodDisruptionBudget" -> disruptionBudgets.add(String.valueOf(
                        Yamls.map(Yamls.map(Yamls.map(resource.document(), "spec"), "selector"), "matchLabels")
                                .get("app.kubernetes.io/name")));
                case "Secret" -> {
                    if (resource.document().containsKey("data") || resource.document().containsKey("stringData")) {
                        problems.add(resource.where(), "a Secret with values is committed; create it with kubectl (docs/deploy.md)");
                    }
                }
                default -> { }
            }
        }
        configMaps.forEach((name, data) -> data.forEach((key, value) -> {
            if (SecretNames.isSecret(key) && !SecretNames.isMountedFile(Yamls.string(value))) {
                problems.add("ConfigMap " + name, key + " is a secret; use a Secret and secretKeyRef");
            }
        }));
        Map<String, Set<String>> podPorts = new LinkedHashMap<>();
        for (Resource resource : resources) {
            if (resource.kind().equals("Deployment") || resource.kind().equals("StatefulSet")) {
                checkWorkload(resource, configMaps, disruptionBudgets, podPorts, problems);
            }
        }
        for (Resource resource : resources) {
            if (resource.kind().equals("Service")) {
                checkService(resource, podPorts, problems);
            }
        }
    }

    private void checkWorkload(Resource workload, Map<String, Map<String, Object>> configMaps,
                               Set<String> disruptionBudgets, Map<String, Set<String>> podPorts, Problems problems) {
        Map<String, Object> spec = Yamls.map(workload.document(), "spec");
        Map<String, Object> podSpec = Yamls.map(Yamls.map(spec, "template"), "spec");
        String app = String.valueOf(Yamls.map(Yamls.map(spec, "selector"), "matchLabels").get("app.kubernetes.io/name"));
        Set<String> ports = podPorts.computeIfAbsent(app, key -> new HashSet<>());
        if (!Boolean.TRUE.equals(Yamls.map(podSpec, "securityContext").get("runAsNonRoot"))) {
            problems.add(workload.where(), "pod securityContext.runAsNonRoot is not true");
        }
        for (Map<String, Object> container : Yamls.maps(podSpec.get("containers"))) {
            String where = workload.where() + " container " + container.get("name");
            String image = Yamls.string(container.get("image"));
            for (Map<String, Object> port : Yamls.maps(container.get("ports"))) {
                ports.add(String.valueOf(port.get("containerPort")));
                if (port.get("name") != null) {
                    ports.add(String.valueOf(port.get("name")));
                }
            }
            Map<String, Object> securityContext = Yamls.map(container, "securityContext");
            if (!Boolean.TRUE.equals(securityContext.get("readOnlyRootFilesystem"))) {
                problems.add(where, "readOnlyRootFilesystem is not true");
            }
            if (!Boolean.FALSE.equals(securityContext.get("allowPrivilegeEscalation"))) {
                problems.add(where, "allowPrivilegeEscalation is not false");
            }
            if (Yamls.map(Yamls.map(container, "resources"), "limits").get("memory") == null
                    || Yamls.map(Yamls.map(container, "resources"), "requests").isEmpty()) {
                problems.add(where, "no resource requests and memory limit");
            }
            checkSecretReferences(where, container, problems);
            if (images.isThirdParty(image)) {
                continue;
            }
            ServiceImage ours = images.find(image).orElse(null);
            if (ours == null) {
                problems.add(where, "image " + image + " is not one the build makes nor " + ImageCatalogue.THIRD_PARTY_IMAGES);
                continue;
            }
            checkVariables(where, container, configMaps, ours, problems);
            checkPortsAndProbes(where, container, ours, problems);
            Integer wanted = REPLICAS.get(ours.module());
            if (wanted != null) {
                Object replicas = spec.get("replicas");
                if (!Integer.valueOf(wanted).equals(replicas)) {
                    problems.add(workload.where(), "replicas " + replicas + ", not " + wanted);
                }
                if (!disruptionBudgets.contains(app)) {
                    problems.add(workload.where(), "no PodDisruptionBudget for " + app);
                }
            }
        }
    }

    private static void checkSecretReferences(String where, Map<String, Object> container, Problems problems) {
        for (Map<String, Object> variable : Yamls.maps(container.get("env"))) {
            String name = String.valueOf(variable.get("name"));
            boolean fromSecret = !Yamls.map(Yamls.map(variable, "valueFrom"), "secretKeyRef").isEmpty();
            if (SecretNames.isSecret(name) && !fromSecret && !SecretNames.isMountedFile(Yamls.string(variable.get("value")))) {
                problems.add(where, name + " is not a secretKeyRef");
            }
        }
    }

    private void checkVariables(String where, Map<String, Object> container, Map<String, Map<String, Object>> configMaps,
                                ServiceImage image, Problems problems) {
        ServiceVariables reads = variables.computeIfAbsent(image.moduleDirectory(), ServiceVariables::read);
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, Object> variable : Yamls.maps(container.get("env"))) {
            names.put(String.valueOf(variable.get("name")), "env");
        }
        for (Map<String, Object> source : Yamls.maps(container.get("envFrom"))) {
            String configMap = Yamls.string(Yamls.map(source, "configMapRef").get("name"));
            if (configMap == null) {
                continue;
            }
            if (!configMaps.containsKey(configMap)) {
                problems.add(where, "envFrom ConfigMap " + configMap + " does not exist");
                continue;
            }
            configMaps.get(configMap).forEach((key, value) -> names.put(key, "ConfigMap " + configMap));
        }
        names.forEach((name, from) -> {
            if (!reads.reads(name)) {
                problems.add(where, "environment variable " + name + " (" + from + ") is not read by " + image.module());
            }
        });
    }

    private static void checkPortsAndProbes(String where, Map<String, Object> container, ServiceImage image, Problems problems) {
        Set<String> declared = new HashSet<>();
        boolean servesImagePort = false;
        for (Map<String, Object> port : Yamls.maps(container.get("ports"))) {
            declared.add(String.valueOf(port.get("containerPort")));
            declared.add(String.valueOf(port.get("name")));
            if ("http".equals(port.get("name"))) {
                servesImagePort = Integer.valueOf(image.port()).equals(port.get("containerPort"));
            }
        }
        if (!servesImagePort) {
            problems.add(where, "no containerPort named http on the image's port " + image.port());
        }
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Map<String, Object> httpGet = Yamls.map(Yamls.map(container, probe), "httpGet");
            if (httpGet.isEmpty()) {
                problems.add(where, "no " + probe + " (httpGet on Actuator)");
                continue;
            }
            if (!PROBE_PATHS.contains(String.valueOf(httpGet.get("path")))) {
                problems.add(where, probe + " path " + httpGet.get("path") + " is not " + PROBE_PATHS);
            }
            if (!declared.contains(String.valueOf(httpGet.get("port")))) {
                problems.add(where, probe + " port " + httpGet.get("port") + " is not a declared container port");
            }
        }
    }

    private static void checkService(Resource service, Map<String, Set<String>> podPorts, Problems problems) {
        Map<String, Object> spec = Yamls.map(service.document(), "spec");
        String app = String.valueOf(Yamls.map(spec, "selector").get("app.kubernetes.io/name"));
        Set<String> ports = podPorts.get(app);
        if (ports == null) {
            problems.add(service.where(), "selects " + app + ", which no Deployment or StatefulSet runs");
            return;
        }
        for (Map<String, Object> port : Yamls.maps(spec.get("ports"))) {
            Object target = port.getOrDefault("targetPort", port.get("port"));
            if (!ports.contains(String.valueOf(target))) {
                problems.add(service.where(), "targetPort " + target + " is not a port of " + app);
            }
        }
    }

    private record Resource(String file, Map<String, Object> document) {
        String kind() {
            return String.valueOf(document.get("kind"));
        }

        String name() {
            return String.valueOf(Yamls.map(document, "metadata").get("name"));
        }

        String where() {
            return file + " " + kind() + " " + name();
        }
    }
}
