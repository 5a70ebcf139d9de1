package org.careconnect.smart.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The internal-address rule for client URLs, with names resolved by a fake resolver. */
class OutboundUrlPolicyTest {

  static final Map<String, String> DNS =
      Map.of(
          "app.example", "93.184.215.14",
          "rebind.example", "10.0.0.5",
          "metadata.example", "169.254.169.254",
          "v6.example", "2606:2800:220:1:248:1893:25c8:1946");

  static final HostResolver RESOLVER =
      host -> {
        String address = DNS.get(host);
        if (address == null) {
          throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
      };

  OutboundUrlPolicy policy(String... allowed) {
    return new OutboundUrlPolicy(RESOLVER, new ClientProperties.UrlPolicy(List.of(allowed)));
  }

  static String refusal(OutboundUrlPolicy policy, String url) {
    try {
      policy.check("logo_uri", URI.create(url));
      return null;
    } catch (DisallowedUrlException e) {
      return e.getMessage();
    }
  }

  @Test
  void checkWhenNameResolvesToPublicAddressThenAccepted() {
    assertThat(refusal(policy(), "https://app.example/logo.png")).isNull();
    assertThat(refusal(policy(), "https://v6.example/logo.png")).isNull();
  }

  @Test
  void checkWhenNameResolvesToPrivateOrMetadataAddressThenRefused() {
    assertThat(refusal(policy(), "https://rebind.example/"))
        .isEqualTo("logo_uri must not point to an internal address");
    assertThat(refusal(policy(), "https://metadata.example/"))
        .isEqualTo("logo_uri must not point to an internal address");
  }

  @Test
  void checkWhenInternalLiteralsThenEachRefused() {
    for (String url :
        List.of(
            "https://127.0.0.1/", "https://10.2.3.4/", "https://172.16.0.1/", "https://192.168.0.1/",
            "https://169.254.169.254/", "https://100.64.0.1/", "https://0.0.0.0/", "https://[::1]/",
            "https://[fe80::1]/", "https://[fc00::1]/", "https://[::ffff:10.0.0.1]/",
            "https://[64:ff9b::a00:1]/", "https://[2002:a00:1::]/", "https://224.0.0.1/",
            "https://localhost/", "https://api.localhost/")) {
      assertThat(refusal(policy(), url)).as(url).isEqualTo("logo_uri must not point to an internal address");
    }
  }

  @Test
  void checkWhenHttpOrUnresolvableOrUserInfoThenRefused() {
    assertThat(refusal(policy(), "http://app.example/")).isEqualTo("logo_uri must use https");
    assertThat(refusal(policy(), "https://unknown.example/"))
        .isEqualTo("logo_uri has a host that does not resolve");
    assertThat(refusal(policy(), "https://user@app.example/"))
        .isEqualTo("logo_uri must be an absolute URL with a host");
    assertThat(refusal(policy(), "https://app.example/#x")).isEqualTo("logo_uri must not have a fragment");
  }

  @Test
  void checkWhenHostOnTheDemoExceptionListThenHttpAndLoopbackAccepted() {
    assertThat(refusal(policy("localhost"), "http://localhost:9200/logo.png")).isNull();
    assertThat(refusal(policy("localhost"), "http://127.0.0.1:9200/logo.png"))
        .isEqualTo("logo_uri must use https");
  }

  @Test
  void checkWhenExemptHostInCapitalsThenAcceptedAndRelativeUrlRefused() {
    assertThat(refusal(policy("localhost"), "http://LOCALHOST:1/")).isNull();
    assertThatThrownBy(() -> policy().check("jwks_uri", URI.create("relative/path")))
        .hasMessage("jwks_uri must be an absolute URL with a host");
  }
}
