package org.careconnect.smart.cluster.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two auth-server and two fhir-server nodes (the packaged jars, demo profile) sharing one MariaDB
 * (a database each for auth and FHIR) behind nginx, all on loopback. The issuer and the FHIR base
 * every node is configured with are the nginx URLs, as in a real deployment; the nodes are also
 * reachable directly ({@link ServiceNode#origin()}). {@link #close()} stops everything it started,
 * whatever failed.
 */
public final class Cluster implements AutoCloseable {

  private final Path dir;
  private final List<AutoCloseable> started = new ArrayList<>();
  private final int authLbPort;
  private final int fhirLbPort;
  private MariaDb database;
  private ServiceNode auth1;
  private ServiceNode auth2;
  private ServiceNode fhir1;
  private ServiceNode fhir2;

  public Cluster(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.authLbPort = freePort();
    this.fhirLbPort = freePort();
  }

  public Cluster start() throws Exception {
    try {
      MariaDb db = track(new MariaDb(dir.resolve("mariadb")).start());
      database = db;
      String authDb = db.createDatabase("cluster_auth");
      String fhirDb = db.createDatabase("cluster_fhir");
      auth1 = authNode("auth-1", authDb);
      auth2 = authNode("auth-2", authDb);
      fhir1 = fhirNode("fhir-1", fhirDb);
      fhir2 = fhirNode("fhir-2", fhirDb);
      track(new Nginx(dir.resolve("nginx")).start(
          authLbPort, List.of(auth1.port(), auth2.port()), fhirLbPort, List.of(fhir1.port(), fhir2.port())));
      // The first node of each kind migrates the schema and loads the demo data alone; the
      // second starts on the finished database, as a node added to a running cluster does.
      track(auth1.start());
      track(fhir1.start());
      auth1.awaitReady();
      fhir1.awaitReady();
      track(auth2.start());
      track(fhir2.start());
      auth2.awaitReady();
      fhir2.awaitReady();
      return this;
    } catch (Exception | Error e) {
      close();
      throw e;
    }
  }

  private ServiceNode authNode(String name, String jdbcUrl) throws IOException {
    int port = freePort();
    Map<String, String> env = common(port);
    env.put("AUTH_DB_URL", jdbcUrl);
    env.put("AUTH_DB_USERNAME", MariaDb.USER);
    env.put("AUTH_DB_PASSWORD", MariaDb.PASSWORD);
    env.put("AUTH_ISSUER", issuer());
    env.put("AUTH_FHIR_BASE_URLS", fhirBase());
    env.put("AUTH_PICKER_FHIR_BASE_URL", fhirBase());
    return new ServiceNode(name, "auth.server.jar", "-Xmx320m", port, "/.well-known/smart-configuration", env, dir);
  }

  private ServiceNode fhirNode(String name, String jdbcUrl) throws IOException {
    int port = freePort();
    Map<String, String> env = common(port);
    env.put("FHIR_DB_URL", jdbcUrl);
    env.put("FHIR_DB_USERNAME", MariaDb.USER);
    env.put("FHIR_DB_PASSWORD", MariaDb.PASSWORD);
    env.put("FHIR_PUBLIC_BASE_URL", fhirBase());
    env.put("CARECONNECT_DEMO_PATIENTS", "3");
    env.put("CARECONNECT_FHIR_SECURITY_ISSUER", issuer());
    env.put("CARECONNECT_FHIR_SECURITY_JWKS_URI", issuer() + "/oauth2/jwks");
    env.put("CARECONNECT_FHIR_SECURITY_SMART_CONFIGURATION_URI", issuer() + "/.well-known/smart-configuration");
    env.put("CARECONNECT_FHIR_SECURITY_AUDIENCE", fhirBase());
    return new ServiceNode(name, "fhir.server.jar", "-Xmx640m", port, "/fhir/STU3/metadata", env, dir);
  }

  private static Map<String, String> common(int port) {
    Map<String, String> env = new LinkedHashMap<>();
    // mysql: the profile's driver and pool settings (a stopped database costs a request 3 s, then 503).
    env.put("SPRING_PROFILES_ACTIVE", "demo,mysql");
    env.put("PORT", Integer.toString(port));
    env.put("SERVER_ADDRESS", "127.0.0.1");
    env.put("LOGGING_LEVEL_ROOT", "WARN");
    return env;
  }

  /** The issuer: nginx in front of the auth nodes. */
  public String issuer() {
    return "http://127.0.0.1:" + authLbPort;
  }

  /** The FHIR base: nginx in front of the FHIR nodes. */
  public String fhirBase() {
    return "http://127.0.0.1:" + fhirLbPort + "/fhir/STU3";
  }

  /** The MariaDB server every node shares. */
  public MariaDb database() {
    return database;
  }

  public ServiceNode auth1() {
    return auth1;
  }

  public ServiceNode auth2() {
    return auth2;
  }

  public ServiceNode fhir1() {
    return fhir1;
  }

  public ServiceNode fhir2() {
    return fhir2;
  }

  public List<ServiceNode> authNodes() {
    return List.of(auth1, auth2);
  }

  public List<ServiceNode> fhirNodes() {
    return List.of(fhir1, fhir2);
  }

  public Path dir() {
    return dir;
  }

  private <T extends AutoCloseable> T track(T resource) {
    started.add(resource);
    return resource;
  }

  /** Stops what was started, newest first (nodes before nginx before MariaDB), each regardless of the others. */
  @Override
  public void close() throws Exception {
    Exception first = null;
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    started.clear();
    if (first != null) {
      throw first;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
