package org.careconnect.smart.auth.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careconnect.smart.auth.AuthServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server of its own, on its own in-memory database, for tests of start-up (profiles, demo
 * data, refusals to start) that the shared test server cannot show.
 */
public final class StandaloneServer {

  private StandaloneServer() {}

  /** Profiles, then {@code --key=value} arguments, in any order. */
  public static ConfigurableApplicationContext start(String... profilesThenArgs) {
    List<String> profiles = new ArrayList<>();
    List<String> args = new ArrayList<>();
    for (String s : profilesThenArgs) {
      (s.startsWith("--") ? args : profiles).add(s);
    }
    args.add("--server.port=0");
    args.add("--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
    return new SpringApplicationBuilder(AuthServerApplication.class)
        .profiles(profiles.toArray(String[]::new))
        .run(args.toArray(String[]::new));
  }

  public static int port(ConfigurableApplicationContext server) {
    return Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
  }
}
