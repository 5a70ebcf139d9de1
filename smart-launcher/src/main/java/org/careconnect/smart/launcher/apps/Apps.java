package org.careconnect.smart.launcher.apps;

import java.util.List;
import java.util.Optional;
import org.careconnect.smart.launcher.LauncherProperties;
import org.careconnect.smart.launcher.LauncherProperties.App;
import org.springframework.stereotype.Component;

/** The registered SMART apps the launcher offers (configured), the first being the default. */
@Component
public class Apps {

  private final List<App> apps;

  Apps(LauncherProperties properties) {
    this.apps = List.copyOf(properties.apps());
  }

  public List<App> all() {
    return apps;
  }

  public App defaultApp() {
    return apps.get(0);
  }

  public Optional<App> find(String id) {
    return apps.stream().filter(app -> app.id().equals(id)).findFirst();
  }
}
