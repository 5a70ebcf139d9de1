package org.careconnect.smart.deploy.check;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small project under src/test/resources/fixture, with one mistake of each kind in its manifests. */
final class Fixture {

    private Fixture() {
    }

    static Path root() {
        try {
            return Path.of(Fixture.class.getResource("/fixture/pom.xml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
