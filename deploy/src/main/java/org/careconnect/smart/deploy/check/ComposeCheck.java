package org.careconnect.smart.deploy.check;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a compose file: every image is one the build makes (or a pinned third-party one); every
 * variable set for one of our services, in {@code environment} or as a secret's target name, is
 * one that service reads; secrets are not inline; ports and health checks match the image; and
 * the auth and FHIR servers run twice.
 */
public final class ComposeCheck {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?[-?]([^}]*))?}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Map<String, Integer> REPLICAS = Map.of("auth-server", 2, "fhir-server", 2);

    private final ImageCatalogue images;
    private final Map<Path, ServiceVariables> variables = new LinkedHashMap<>();

    public ComposeCheck(ImageCatalogue images) {
        this.images = images;
    }

    public void check(Path composeFile, Problems problems) {
        Map<String, Object> compose = Yamls.documents(composeFile).get(0);
        Map<String, Integer> instances = new LinkedHashMap<>();
        Map<String, ServiceImage> ourServices = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : Yamls.map(compose, "services").entrySet()) {
            String where = composeFile.getFileName() + " services." + entry.getKey();
            Map<String, Object> service = Yamls.map(entry.getValue());
            String image = interpolateDefaults(Yamls.string(service.get("image")));
            if (image == null) {
                problems.add(where, "no image");
                continue;
            }
            if (images.isThirdParty(image)) {
                environment(service).forEach((name, value) -> checkNotInlineSecret(where, name, value, problems));
                continue;
            }
            ServiceImage ours = images.find(image).orElse(null);
            if (ours == null) {
                problems.add(where, "image " + image + " is not one the build makes " + knownImages());
                continue;
            }
            instances.merge(ours.module(), 1, Integer::sum);
            ourServices.put(entry.getKey(), ours);
            checkOurService(where, service, ours, problems);
        }
        new IngressUpstreams(composeFile, compose).check(ourServices, problems);
        REPLICAS.forEach((module, wanted) -> {
            if (images.all().stream().noneMatch(image -> image.module().equals(module))) {
                return;
            }
            int running = instances.getOrDefault(module, 0);
            if (running != wanted) {
                problems.add(composeFile.getFileName().toString(), module + " runs " + running + " times, not " + wanted);
            }
        });
    }

    private void checkOurService(String where, Map<String, Object> service, ServiceImage image, Problems problems) {
        ServiceVariables reads = variables.computeIfAbsent(image.moduleDirectory(), ServiceVariables::read);
        environment(service).forEach((name, value) -> {
            if (!reads.reads(name)) {
                problems.add(where, "environment variable " + name + " is not read by " + image.module());
            }
            checkNotInlineSecret(where, name, value, problems);
            if (name.equals("PORT") && !String.valueOf(image.port()).equals(value)) {
                problems.add(where, "PORT " + value + " differs from the image's port " + image.port());
            }
        });
        for (Object secret : Yamls.list(service.get("secrets"))) {
            String target = secret instanceof Map<?, ?> ? Yamls.string(Yamls.map(secret).get("target")) : null;
            if (target != null && VARIABLE_NAME.matcher(target).matches() && !reads.reads(target)) {
                problems.add(where, "secret target " + target + " is not a variable " + image.module() + " reads");
            }
        }
        for (Object port : Yamls.list(service.get("expose"))) {
            if (!String.valueOf(image.port()).equals(String.valueOf(port))) {
                problems.add(where, "exposes " + port + " but the image listens on " + image.port());
            }
        }
        checkHealthCheck(where, Yamls.map(service, "healthcheck"), image, problems);
    }

    private static void checkHealthCheck(String where, Map<String, Object> healthCheck, ServiceImage image, Problems problems) {
        List<Object> test = Yamls.list(healthCheck.get("test"));
        String url = test.stream().map(String::valueOf).filter(part -> part.startsWith("http")).findFirst().orElse(null);
        if (url == null) {
            problems.add(where, "no health check calling an actuator URL");
            return;
        }
        URI uri = URI.create(url);
        if (!List.of("/actuator/health/readiness", "/actuator/health/liveness").contains(uri.getPath())) {
            problems.add(where, "health check " + url + " is not an actuator liveness or readiness path");
        }
        if (uri.getPort() != image.port()) {
            problems.add(where, "health check port " + uri.getPort() + " differs from the image's port " + image.port());
        }
    }

    /** A secret may be named only as a file under /run/secrets (compose secrets), never its value. */
    private static void checkNotInlineSecret(String where, String name, String value, Problems problems) {
        boolean fileReference = value != null && (value.startsWith("/run/secrets/") || value.startsWith("file:/run/secrets/"));
        if (SecretNames.isSecret(name) && !fileReference) {
            problems.add(where, name + " is set inline; use a compose secret (a file under /run/secrets)");
        }
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object node = service.get("environment");
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> environment.put(String.valueOf(key), Yamls.string(value)));
        } else {
            for (Object item : Yamls.list(node)) {
                String[] pair = String.valueOf(item).split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return environment;
    }

    /** Compose interpolation with the defaults written in the file: ${NAME:-default} -> default. */
    static String interpolateDefaults(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = INTERPOLATION.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String fallback = matcher.group(2) == null ? "" : matcher.group(2);
            matcher.appendReplacement(result, Matcher.quoteReplacement(fallback));
        }
        return matcher.appendTail(result).toString();
    }

    private String knownImages() {
        return images.all().stream().map(ServiceImage::image).toList() + " nor " + ImageCatalogue.THIRD_PARTY_IMAGES;
    }
}
