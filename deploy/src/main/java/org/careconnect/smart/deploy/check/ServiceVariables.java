package org.careconnect.smart.deploy.check;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The environment variables a service reads: the {@code ${NAME:default}} placeholders of its
 * {@code src/main/resources/application*.yaml}, every property there in Spring Boot's
 * relaxed-binding form ({@code careconnect.fhir.max-page-size} -> {@code CARECONNECT_FHIR_MAX_PAGE_SIZE}),
 * and the families Spring Boot, the JVM and glibc read in any application.
 */
public final class ServiceVariables {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    /** Read by Boot, the JVM or the C library whatever the application's own yaml says. */
    private static final Set<String> PLATFORM_NAMES = Set.of(
            "SPRING_PROFILES_ACTIVE", "SPRING_CONFIG_IMPORT", "JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX");

    /** Spring Boot property families (relaxed binding), e.g. SERVER_FORWARD_HEADERS_STRATEGY. */
    private static final Set<String> PLATFORM_PREFIXES = Set.of(
            "SERVER_", "SPRING_SSL_BUNDLE_", "MANAGEMENT_", "LOGGING_LEVEL_");

    private final Set<String> names;

    private ServiceVariables(Set<String> names) {
        this.names = names;
    }

    public static ServiceVariables read(Path moduleDirectory) {
        Set<String> names = new TreeSet<>();
        Path resources = moduleDirectory.resolve("src/main/resources");
        try (Stream<Path> files = Files.list(resources)) {
            for (Path file : files.filter(ServiceVariables::isApplicationYaml).sorted().toList()) {
                String text = Files.readString(file);
                Matcher matcher = PLACEHOLDER.matcher(text);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object document : new Yaml().loadAll(reader)) {
                        collectRelaxedNames("", document, names);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resources + ": " + e.getMessage(), e);
        }
        return new ServiceVariables(names);
    }

    public boolean reads(String variable) {
        return names.contains(variable) || PLATFORM_NAMES.contains(variable)
                || PLATFORM_PREFIXES.stream().anyMatch(variable::startsWith);
    }

    private static boolean isApplicationYaml(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("application") && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static void collectRelaxedNames(String prefix, Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                collectRelaxedNames(prefix.isEmpty() ? key : prefix + "." + key, entry.getValue(), names);
            }
        } else if (!prefix.isEmpty()) {
            names.addAll(relaxed(prefix));
        }
    }

    /**
     * The environment-variable names Spring Boot binds to a property (SystemEnvironmentPropertyMapper):
     * dots to underscores, upper case, and dashes either dropped or, the legacy form, underscores.
     */
    static Set<String> relaxed(String property) {
        String upper = property.replace('.', '_').toUpperCase(Locale.ROOT);
        return new TreeSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }
}
