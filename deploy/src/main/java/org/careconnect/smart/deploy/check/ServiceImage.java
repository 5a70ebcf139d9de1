package org.careconnect.smart.deploy.check;

import java.nio.file.Path;

/**
 * A container image the build makes (root pom, profile "images"): its artifact id, full name,
 * the port it exposes, and the module folder whose application*.yaml says which variables it reads.
 */
public record ServiceImage(String module, String image, int port, Path moduleDirectory) {
}
