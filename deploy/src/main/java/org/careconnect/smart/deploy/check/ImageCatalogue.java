package org.careconnect.smart.deploy.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The images the build produces, read from the poms as Jib will (root pom: the {@code to.image}
 * template and defaults; a service pom: {@code jib.skip=false} and its {@code container.port}).
 * Third-party images the manifests may use besides ours are listed here, pinned.
 */
public final class ImageCatalogue {

    /** Images we do not build: the database and the compose ingress. */
    public static final Set<String> THIRD_PARTY_IMAGES =
            Collections.unmodifiableSortedSet(new TreeSet<>(List.of("mysql:8.4", "nginx:1.27")));

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final Map<String, ServiceImage> byImage;

    private ImageCatalogue(Map<String, ServiceImage> byImage) {
        this.byImage = byImage;
    }

    public static ImageCatalogue read(Path projectRoot) {
        Element root = parse(projectRoot.resolve("pom.xml"));
        Map<String, String> rootProperties = properties(root);
        String version = text(root, "version");
        String template = jibTargetImage(root);
        Map<String, ServiceImage> images = new LinkedHashMap<>();
        for (String module : children(child(root, "modules"), "module")) {
            Path directory = projectRoot.resolve(module);
            Element pom = parse(directory.resolve("pom.xml"));
            Map<String, String> properties = new LinkedHashMap<>(rootProperties);
            properties.putAll(properties(pom));
            if (!"false".equals(properties.get("jib.skip"))) {
                continue;
            }
            String artifactId = text(pom, "artifactId");
            properties.put("project.artifactId", artifactId);
            properties.put("project.version", version);
            String image = resolve(template, properties);
            int port = Integer.parseInt(resolve(properties.get("container.port"), properties));
            images.put(image, new ServiceImage(artifactId, image, port, directory));
        }
        return new ImageCatalogue(images);
    }

    public Optional<ServiceImage> find(String image) {
        return Optional.ofNullable(byImage.get(image));
    }

    public boolean isThirdParty(String image) {
        return THIRD_PARTY_IMAGES.contains(image);
    }

    public List<ServiceImage> all() {
        return List.copyOf(byImage.values());
    }

    private static String jibTargetImage(Element root) {
        NodeList plugins = root.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("jib-maven-plugin".equals(text(plugin, "artifactId")) && child(plugin, "configuration") != null) {
                return text(child(child(plugin, "configuration"), "to"), "image");
            }
        }
        throw new IllegalStateException("no jib-maven-plugin configuration in the root pom");
    }

    private static String resolve(String value, Map<String, String> properties) {
        Matcher matcher = PROPERTY.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String replacement = properties.get(matcher.group(1));
            if (replacement == null) {
                throw new IllegalStateException("unknown property ${" + matcher.group(1) + "} in " + value);
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(resolve(replacement, properties)));
        }
        return matcher.appendTail(resolved).toString();
    }

    private static Map<String, String> properties(Element pom) {
        Map<String, String> properties = new LinkedHashMap<>();
        Element element = child(pom, "properties");
        if (element != null) {
            NodeList nodes = element.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().trim());
                }
            }
        }
        return properties;
    }

    private static Element parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(Files.newInputStream(pom));
            return document.getDocumentElement();
        } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        if (element == null) {
            throw new IllegalStateException("no <" + name + "> in <" + parent.getTagName() + ">");
        }
        return element.getTextContent().trim();
    }

    private static List<String> children(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return java.util.stream.IntStream.range(0, nodes.getLength())
                .mapToObj(i -> nodes.item(i).getTextContent().trim()).toList();
    }
}
