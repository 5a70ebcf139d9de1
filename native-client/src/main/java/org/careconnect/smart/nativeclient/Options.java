package org.careconnect.smart.nativeclient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The client's settings: each a command-line flag, else an environment variable, else its
 * default (the demo stack on this machine). Declared here once, documented in the README.
 */
record Options(String fhirBase, String clientId, String scope, Duration timeout, boolean openBrowser, Path caFile) {

  static final String DEFAULT_FHIR_BASE = "http://localhost:8080/fhir/STU3";
  static final String DEFAULT_CLIENT_ID = "native-app";
  static final String DEFAULT_SCOPE = "openid fhirUser launch/patient patient/*.rs offline_access";
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  static final String USAGE =
      """
      Usage: java -jar native-client-exec.jar [options]
        --fhir-base URL    FHIR server base; its /.well-known/smart-configuration is read
                           (env SMART_FHIR_BASE, default %s)
        --client-id ID     registered public client (env SMART_CLIENT_ID, default %s)
        --scope SCOPES     space-separated scopes (env SMART_SCOPE, default "%s")
        --timeout T        how long to wait for the browser: seconds or ISO-8601 such as PT2M
                           (env SMART_TIMEOUT, default %d s)
        --no-browser       only print the URL, do not open a browser (env SMART_NO_BROWSER=true)
        --ca-file PEM      trust only these CAs for https, e.g. the demo CA data/tls/ca.crt
                           (env SMART_CA_FILE, default the JDK's CAs)
        --help             this text
      """
          .formatted(DEFAULT_FHIR_BASE, DEFAULT_CLIENT_ID, DEFAULT_SCOPE, DEFAULT_TIMEOUT.toSeconds());

  /** Thrown for a wrong command line: the message, then the usage, exit 2. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static Options parse(String[] args, Map<String, String> env) throws UsageException {
    String fhirBase = env.getOrDefault("SMART_FHIR_BASE", DEFAULT_FHIR_BASE);
    String clientId = env.getOrDefault("SMART_CLIENT_ID", DEFAULT_CLIENT_ID);
    String scope = env.getOrDefault("SMART_SCOPE", DEFAULT_SCOPE);
    String timeout = env.getOrDefault("SMART_TIMEOUT", String.valueOf(DEFAULT_TIMEOUT.toSeconds()));
    boolean openBrowser = !"true".equalsIgnoreCase(env.get("SMART_NO_BROWSER"));
    String caFile = env.get("SMART_CA_FILE");
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--no-browser" -> openBrowser = false;
        case "--help", "-h" -> throw new UsageException(null);
        case "--fhir-base", "--client-id", "--scope", "--timeout", "--ca-file" -> {
          if (i + 1 >= args.length) {
            throw new UsageException(flag + " needs a value");
          }
          String value = args[++i];
          switch (flag) {
            case "--fhir-base" -> fhirBase = value;
            case "--client-id" -> clientId = value;
            case "--scope" -> scope = value;
            case "--ca-file" -> caFile = value;
            default -> timeout = value;
          }
        }
        default -> throw new UsageException("unknown option " + flag);
      }
    }
    if (!fhirBase.startsWith("https://") && !fhirBase.startsWith("http://")) {
      throw new UsageException("--fhir-base must be an http(s) URL: " + fhirBase);
    }
    if (clientId.isBlank() || scope.isBlank()) {
      throw new UsageException("--client-id and --scope must not be empty");
    }
    if (caFile != null && !Files.isReadable(Path.of(caFile))) {
      throw new UsageException("--ca-file is not a readable file: " + caFile);
    }
    return new Options(SmartConfiguration.stripSlash(fhirBase), clientId, scope.trim(), duration(timeout), openBrowser,
        caFile == null ? null : Path.of(caFile));
  }

  private static Duration duration(String value) throws UsageException {
    try {
      Duration d = value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
      if (d.isNegative() || d.isZero()) {
        throw new UsageException("--timeout must be positive: " + value);
      }
      return d;
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new UsageException("--timeout must be seconds or an ISO-8601 duration such as PT2M: " + value);
    }
  }
}
