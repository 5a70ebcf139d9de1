package org.careconnect.smart.deploy.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The nginx configuration a compose file mounts into an nginx container ({@code ./dir:/etc/nginx/...}):
 * every {@code server NAME:PORT;} of its upstreams must be one of our compose services on its
 * image's port, and every one of our services must be behind the ingress.
 */
final class IngressUpstreams {

    private static final Pattern UPSTREAM_SERVER = Pattern.compile("(?m)^\\s*server\\s+([A-Za-z0-9_.-]+):(\\d+)");

    private final Path composeFile;
    private final Map<String, Object> compose;

    IngressUpstreams(Path composeFile, Map<String, Object> compose) {
        this.composeFile = composeFile;
        this.compose = compose;
    }

    void check(Map<String, ServiceImage> ourServices, Problems problems) {
        Map<String, String> upstreams = new LinkedHashMap<>();
        for (Path file : nginxFiles()) {
            try {
                Matcher matcher = UPSTREAM_SERVER.matcher(Files.readString(file));
                while (matcher.find()) {
                    upstreams.put(matcher.group(1), matcher.group(2));
                    String where = composeFile.getParent().relativize(file) + " upstream server " + matcher.group(1);
                    ServiceImage image = ourServices.get(matcher.group(1));
                    if (image == null) {
                        problems.add(where, "is not one of the compose services " + ourServices.keySet());
                    } else if (!String.valueOf(image.port()).equals(matcher.group(2))) {
                        problems.add(where, "port " + matcher.group(2) + " differs from the image's port " + image.port());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        ourServices.keySet().stream().filter(name -> !upstreams.containsKey(name)).forEach(name ->
                problems.add(composeFile.getFileName() + " services." + name, "is behind no ingress upstream"));
    }

    /** Files under the host folders the compose file bind-mounts below /etc/nginx. */
    private List<Path> nginxFiles() {
        List<Path> files = new ArrayList<>();
        for (Object service : Yamls.map(compose, "services").values()) {
            for (Object volume : Yamls.list(Yamls.map(service).get("volumes"))) {
                String[] parts = String.valueOf(volume).split(":");
                if (parts.length < 2 || !parts[1].startsWith("/etc/nginx") || !parts[0].startsWith(".")) {
                    continue;
                }
                Path source = composeFile.getParent().resolve(parts[0]).normalize();
                try (Stream<Path> walk = Files.walk(source)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + source + ": " + e.getMessage(), e);
                }
            }
        }
        return files;
    }
}
