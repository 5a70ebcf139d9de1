package org.careconnect.smart.fhir.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input of every kind: each gets its exact status and an OperationOutcome saying why, nothing
 * of it is stored, and none gets a 5xx. Every body carries a unique family name (its marker),
 * looked for afterwards.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

  /** careconnect.fhir.max-request-size in application.yaml. */
  static final int LIMIT = 10 * 1024 * 1024;
  static final String TOO_LARGE = "The request body is larger than this server accepts (" + LIMIT + " bytes)";
  static final String JSON = "application/fhir+json";
  static final String XML = "application/fhir+xml";
  static final String LONG_ID = "a".repeat(65);

  /** What an entity pointing at it would read, if anything ever resolved it. */
  static final String SECRET = "secret" + UUID.randomUUID().toString().replace("-", "");
  static final Path SECRET_FILE = secretFile();

  @LocalServerPort int port;
  FhirTestClient client;
  RawHttp raw;

  @BeforeEach
  void connect() {
    client = new FhirTestClient(port);
    raw = new RawHttp(port);
  }

  @AfterAll
  void removeSecret() throws IOException {
    Files.deleteIfExists(SECRET_FILE);
  }

  /**
   * How a case is sent: through the JDK client with or without a length, or over a plain socket,
   * for a request line the JDK client refuses to send or a length that is a lie.
   */
  enum Transport { SIZED, CHUNKED, DECLARED_LENGTH_ONLY, RAW_REQUEST_LINE }

  record BadInput(
      String name,
      String method,
      String path,
      List<String> headers,
      byte[] body,
      Transport transport,
      int status,
      String diagnostics,
      String marker) {

    @Override
    public String toString() {
      return name;
    }
  }

  Stream<BadInput> badInputs() {
    List<BadInput> cases = new ArrayList<>();
    String m;

    m = marker();
    cases.add(json("malformed JSON", "POST", "Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + m + "\"}]", 400,
        "The body is not well-formed JSON: Unexpected end-of-input: expected close marker for Object"
            + " (start marker at [line: 1, column: 1]) (line 1, column 84)", m));
    m = marker();
    cases.add(xml("malformed XML", "POST", "Patient",
        "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"" + m + "\"/></name>", 400,
        "The body is not well-formed XML: Unexpected EOF; was expecting a close tag for element <Patient> (line 1, column 103)", m));
    cases.add(new BadInput("unknown resource type in the URL (read)", "GET", "Foo/1", List.of(), null, Transport.SIZED, 400,
        unknownType("Foo"), null));
    m = marker();
    cases.add(json("unknown resource type in the URL (create)", "POST", "Basic",
        "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"" + m + "\"}}", 400, unknownType("Basic"), null));
    m = marker();
    cases.add(json("unknown resource type in the body", "POST", "Patient",
        "{\"resourceType\":\"Foo\",\"name\":[{\"family\":\"" + m + "\"}]}", 400,
        "HAPI-0450: Failed to parse request body as JSON resource. Error was: HAPI-1814: Incorrect resource type found, expected \"Patient\" but found \"Foo\"", m));
    m = marker();
    cases.add(json("resourceType of the body differs from the URL's", "POST", "Patient",
        "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"" + m + "\"}}", 400,
        "HAPI-0450: Failed to parse request body as JSON resource. Error was: HAPI-1814: Incorrect resource type found, expected \"Patient\" but found \"Observation\"", null));
    cases.add(new BadInput("unknown search parameter", "GET", "Patient?foo=bar", List.of(), null, Transport.SIZED, 400,
        "Invalid request: The FHIR endpoint on this server does not know how to handle GET operation[Patient] with parameters [[foo]]", null));
    cases.add(new BadInput("malformed percent-encoding in the query", "GET", "Patient?family=%ZZ", List.of(), null,
        Transport.RAW_REQUEST_LINE, 400, "The query string or form has a malformed percent-encoding: URLDecoder: Illegal hex"
            + " characters in escape (%) pattern - Error at index 0 in: \"ZZ\"", null));
    cases.add(new BadInput("version beyond any number", "GET", "Patient/some-id/_history/99999999999999999999999",
        List.of(), null, Transport.SIZED, 404, "Version '99999999999999999999999' is not known", null));
    cases.add(body("search form larger than the container parses", "POST", "Patient/_search",
        "application/x-www-form-urlencoded", "family=" + marker() + "&given=" + "x".repeat(3 * 1024 * 1024), 413,
        "The search form is larger than this server reads; send fewer or shorter parameters", null));
    m = marker();
    cases.add(body("text/plain body", "POST", "Patient", "text/plain", patientJson(m), 415,
        "Content-Type 'text/plain' is not supported for a FHIR resource body; send application/fhir+json or application/fhir+xml", m));
    cases.add(body("form body posted to a resource", "POST", "Patient", "application/x-www-form-urlencoded",
        "family=" + marker(), 415,
        "Content-Type 'application/x-www-form-urlencoded' is not supported for a FHIR resource body; send application/fhir+json or application/fhir+xml", null));
    m = marker();
    cases.add(body("body without a Content-Type", "POST", "Patient", null, patientJson(m), 415,
        "Content-Type none is not supported for a FHIR resource body; send application/fhir+json or application/fhir+xml", m));
    cases.add(xml("XML with a DOCTYPE and an external entity", "POST", "Patient",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Patient [ <!ENTITY xxe SYSTEM \"" + SECRET_FILE.toUri() + "\"> ]>\n"
            + "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&xxe;\"/></name></Patient>", 400,
        "XML with a DOCTYPE is refused: FHIR XML has no DTD, and DTDs carry entity attacks (line 2, column 1)", SECRET));
    m = marker();
    cases.add(xml("XML with a DOCTYPE expanding entities", "POST", "Patient",
        "<!DOCTYPE Patient [ <!ENTITY a \"" + m + "\"> <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"> ]>"
            + "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&b;\"/></name></Patient>", 400,
        "XML with a DOCTYPE is refused: FHIR XML has no DTD, and DTDs carry entity attacks (line 1, column 1)", m));
    cases.add(json("JSON nested 5,000 arrays deep", "POST", "Patient", "[".repeat(5000) + "]".repeat(5000), 400,
        "The JSON body nests deeper than 100 levels (line 1, column 102); this server accepts at most 100", null));
    m = marker();
    cases.add(json("JSON with 5,000 nested extensions", "POST", "Patient", nestedExtensions(5000, m), 400,
        "The JSON body nests deeper than 100 levels (line 1, column 1560); this server accepts at most 100", m));
    m = marker();
    cases.add(xml("XML with 5,000 nested extensions", "POST", "Patient",
        "<Patient xmlns=\"http://hl7.org/fhir\">" + "<extension url=\"http://x\">".repeat(5000)
            + "<valueString value=\"" + m + "\"/>" + "</extension>".repeat(5000) + "</Patient>", 400,
        "The XML body nests deeper than 100 levels (line 1, column 2612); this server accepts at most 100", null));
    m = marker();
    cases.add(new BadInput("oversized body, by its Content-Length", "POST", "Patient", List.of("Content-Type", JSON),
        utf8(patientJson(m)), Transport.DECLARED_LENGTH_ONLY, 413, TOO_LARGE, m));
    m = marker();
    cases.add(new BadInput("oversized body, chunked", "POST", "Patient", List.of("Content-Type", JSON),
        utf8(largePatientJson(m, LIMIT + 1024)), Transport.CHUNKED, 413, TOO_LARGE, m));
    m = marker();
    cases.add(new BadInput("oversized body, gzip that expands past the limit", "POST", "Patient",
        List.of("Content-Type", JSON, "Content-Encoding", "gzip"),
        gzip(largePatientJson(m, LIMIT + 1024)), Transport.SIZED, 413, TOO_LARGE, m));
    m = marker();
    cases.add(new BadInput("unsupported Content-Encoding", "POST", "Patient",
        List.of("Content-Type", JSON, "Content-Encoding", "br"), utf8(patientJson(m)), Transport.SIZED, 415,
        "Content-Encoding 'br' is not supported; send the body plain or gzip", m));
    m = marker();
    cases.add(new BadInput("body that is not gzip though it says so", "POST", "Patient",
        List.of("Content-Type", JSON, "Content-Encoding", "gzip"), utf8(patientJson(m)), Transport.SIZED, 400,
        "The body is not valid gzip, though its Content-Encoding says so: Not in GZIP format", m));
    cases.add(new BadInput("invalid id in the URL", "GET", "Patient/a$b", List.of(), null, Transport.SIZED, 400,
        invalidId("a$b"), null));
    cases.add(new BadInput("65-character id in the URL", "GET", "Patient/" + LONG_ID, List.of(), null, Transport.SIZED, 400,
        invalidId(LONG_ID), null));
    m = marker();
    cases.add(json("invalid id in the URL of an update", "PUT", "Patient/a$b",
        "{\"resourceType\":\"Patient\",\"id\":\"a$b\",\"name\":[{\"family\":\"" + m + "\"}]}", 400, invalidId("a$b"), m));
    m = marker();
    cases.add(json("invalid id in the body of a create", "POST", "Patient",
        "{\"resourceType\":\"Patient\",\"id\":\"a$b\",\"name\":[{\"family\":\"" + m + "\"}]}", 400, invalidId("a$b"), m));
    m = marker();
    cases.add(json("65-character id in the body of a create", "POST", "Patient",
        "{\"resourceType\":\"Patient\",\"id\":\"" + LONG_ID + "\",\"name\":[{\"family\":\"" + m + "\"}]}", 400,
        invalidId(LONG_ID), m));
    m = marker();
    cases.add(xml("invalid id in an XML body", "POST", "Patient",
        "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"a$b\"/><name><family value=\"" + m + "\"/></name></Patient>", 400,
        invalidId("a$b"), m));
    m = marker();
    cases.add(json("body id differs from the URL of an update", "PUT", "Patient/url-id",
        "{\"resourceType\":\"Patient\",\"id\":\"body-id\",\"name\":[{\"family\":\"" + m + "\"}]}", 400,
        "HAPI-0420: Can not update resource, resource body must contain an ID element which matches the request URL for update (PUT) operation - Resource body ID of \"body-id\" does not match URL ID of \"url-id\"", m));
    cases.add(new BadInput("create without a body", "POST", "Patient", List.of("Content-Type", JSON), null, Transport.SIZED, 400,
        "The request has no body: a POST here needs a FHIR resource in JSON or XML", null));
    cases.add(new BadInput("update without a body", "PUT", "Patient/no-body", List.of(), null, Transport.SIZED, 400,
        "The request has no body: a PUT here needs a FHIR resource in JSON or XML", null));
    cases.add(new BadInput("transaction without a body", "POST", "", List.of("Content-Type", JSON), null, Transport.SIZED, 400,
        "The request has no body: a POST here needs a FHIR resource in JSON or XML", null));
    m = marker();
    cases.add(json("Bundle of type collection posted to the base", "POST", "",
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + patientJson(m) + "}]}", 400,
        "Only a Bundle of type 'transaction' or 'batch' can be posted to the base, not 'collection'", m));
    m = marker();
    cases.add(json("transaction with an entry of an unknown type", "POST", "",
        "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":" + patientJson(m)
            + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}},{\"resource\":{\"resourceType\":\"Foo\"},"
            + "\"request\":{\"method\":\"POST\",\"url\":\"Foo\"}}]}", 400,
        "HAPI-0450: Failed to parse request body as JSON resource. Error was: HAPI-1684: Unknown resource name \"Foo\" (this name is not known in FHIR version \"DSTU3\")", m));
    m = marker();
    cases.add(json("unknown element in a resource", "POST", "Patient",
        "{\"resourceType\":\"Patient\",\"colour\":\"blue\",\"name\":[{\"family\":\"" + m + "\"}]}", 400,
        "HAPI-0450: Failed to parse request body as JSON resource. Error was: HAPI-1825: Unknown element 'colour' found during parse", m));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputGetsItsStatusAndAnOperationOutcomeAndStoresNothing(BadInput input) {
    RawHttp.Response response = send(input);

    assertThat(response.status()).isEqualTo(input.status());
    OperationOutcome outcome = client.parse(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).isEqualTo(input.diagnostics());
    assertThat(response.body()).doesNotContain(SECRET);
    if (input.marker() != null) {
      assertThat(patientsWithFamily(input.marker())).as("patients stored with the marker").isZero();
    }
  }

  @Test
  void everyBadInputOneAfterAnotherIsAnsweredWithAnOperationOutcomeAndNever5xx() {
    List<String> answers = new ArrayList<>();
    badInputs().forEach(input -> {
      RawHttp.Response response = send(input);
      answers.add(input.name() + " -> " + response.status());
      assertThat(response.status()).as(input.name()).isBetween(400, 499);
      assertThat(client.parse(OperationOutcome.class, response.body()).hasIssue()).as(input.name()).isTrue();
    });
    assertThat(answers).hasSize((int) badInputs().count());
    assertThat(client.get("metadata").statusCode()).as("the server still answers").isEqualTo(200);
  }

  @Test
  void entityPointingAtALocalFileIsNeverResolved() {
    assertThat(SECRET_FILE).hasContent(SECRET);
    BadInput xxe = badInputs().filter(i -> SECRET.equals(i.marker())).findFirst().orElseThrow();

    RawHttp.Response response = send(xxe);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).doesNotContain(SECRET);
    assertThat(patientsWithFamily(SECRET)).isZero();
    Bundle byName = client.parse(Bundle.class, client.get("Patient?name:contains=" + SECRET).body());
    assertThat(byName.getTotal()).isZero();
  }

  private RawHttp.Response send(BadInput input) {
    List<String> headers = new ArrayList<>(input.headers());
    headers.add("Accept");
    headers.add(JSON);
    String url = client.base() + (input.path().isEmpty() ? "" : "/" + input.path());
    return switch (input.transport()) {
      case SIZED -> raw.send(input.method(), url, headers, input.body(), false);
      case CHUNKED -> raw.send(input.method(), url, headers, input.body(), true);
      case DECLARED_LENGTH_ONLY -> raw.sendRaw(
          input.method(), "/fhir/STU3/" + input.path(), headers, input.body(), LIMIT + 1L);
      case RAW_REQUEST_LINE -> raw.sendRaw(
          input.method(), "/fhir/STU3/" + input.path(), headers, new byte[0], 0);
    };
  }

  private int patientsWithFamily(String family) {
    return client.parse(Bundle.class, client.get("Patient?family:exact=" + family).body()).getTotal();
  }

  private static BadInput json(String name, String method, String path, String body, int status, String diagnostics, String marker) {
    return body(name, method, path, JSON, body, status, diagnostics, marker);
  }

  private static BadInput xml(String name, String method, String path, String body, int status, String diagnostics, String marker) {
    return body(name, method, path, XML, body, status, diagnostics, marker);
  }

  private static BadInput body(String name, String method, String path, String contentType, String body,
      int status, String diagnostics, String marker) {
    List<String> headers = contentType == null ? List.of() : List.of("Content-Type", contentType);
    return new BadInput(name, method, path, headers, utf8(body), Transport.SIZED, status, diagnostics, marker);
  }

  private static String unknownType(String type) {
    return "Unknown resource type '" + type + "': this server does not serve it; its CapabilityStatement"
        + " ([base]/metadata) lists the types it serves";
  }

  private static String invalidId(String id) {
    return "Invalid resource id '" + id + "': ids are 1 to 64 letters, digits, '-' or '.'";
  }

  private static String marker() {
    return "Bad" + UUID.randomUUID().toString().replace("-", "");
  }

  private static String patientJson(String family) {
    return "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\"}]}";
  }

  /** A Patient of about {@code bytes} bytes: its family name first, then one long given name. */
  private static String largePatientJson(String family, int bytes) {
    return "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\",\"given\":[\""
        + "x".repeat(bytes) + "\"]}]}";
  }

  private static String nestedExtensions(int depth, String value) {
    return "{\"resourceType\":\"Patient\",\"extension\":["
        + "{\"url\":\"http://x\",\"extension\":[".repeat(depth)
        + "{\"url\":\"http://x\",\"valueString\":\"" + value + "\"}"
        + "]}".repeat(depth) + "]}";
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(utf8(text));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private static Path secretFile() {
    try {
      Path file = Files.createTempFile("careconnect-xxe", ".txt");
      Files.writeString(file, SECRET);
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
