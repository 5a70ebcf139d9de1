package org.careconnect.smart.service.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The auto-configuration as a service sees it: found through the imports file, driven by careconnect.tls.*. */
class TlsAutoConfigurationTest {

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, TlsAutoConfiguration.class));

  @Test
  void withoutAServerBundleThereIsNoHttpsAndNoRedirect() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(HttpsConnector.class);
      assertThat(context).doesNotHaveBean("httpsRedirectFilter");
      assertThat(context.getBean(TlsProperties.class).httpsOn()).isFalse();
    });
  }

  @Test
  void aServerBundleAddsTheConnectorAndRedirectsByDefault() {
    runner.withPropertyValues("careconnect.tls.server-bundle=demo", "careconnect.tls.https-port=8443",
            "careconnect.tls.client-bundle=ca", "careconnect.tls.hsts-max-age-seconds=600")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(HttpsConnector.class).hasBean("httpsRedirectFilter");
          TlsProperties properties = context.getBean(TlsProperties.class);
          assertThat(properties.httpsPort()).isEqualTo(8443);
          assertThat(properties.clientBundle()).isEqualTo("ca");
          assertThat(properties.hstsMaxAgeSeconds()).isEqualTo(600);
        });
  }

  @Test
  void httpModeServeKeepsTheConnectorAndDropsTheRedirect() {
    runner.withPropertyValues("careconnect.tls.server-bundle=demo", "careconnect.tls.http-mode=serve")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(HttpsConnector.class).doesNotHaveBean("httpsRedirectFilter");
          assertThat(context.getBean(TlsProperties.class).redirectsHttp()).isFalse();
        });
  }

  @Test
  void pathsAServiceKeepsOnPlainHttpAreServedTheRestRedirected() {
    runner.withPropertyValues("careconnect.tls.server-bundle=demo", "careconnect.tls.https-port=8443")
        .withBean(PlainHttpPaths.class, () -> () -> List.of("/open/"))
        .run(context -> {
          HttpsRedirectFilter filter = redirectFilter(context.getBean("httpsRedirectFilter", FilterRegistrationBean.class));

          MockFilterChain openChain = new MockFilterChain();
          filter.doFilter(new MockHttpServletRequest("GET", "/open/fhir/STU3/metadata"), new MockHttpServletResponse(), openChain);
          MockHttpServletResponse redirected = new MockHttpServletResponse();
          filter.doFilter(new MockHttpServletRequest("GET", "/fhir/STU3/metadata"), redirected, new MockFilterChain());

          assertThat(openChain.getRequest()).isNotNull();
          assertThat(redirected.getStatus()).isEqualTo(301);
          assertThat(redirected.getHeader("Location")).isEqualTo("https://localhost:8443/fhir/STU3/metadata");
        });
  }

  @Test
  void theImportsFileNamesBothAutoConfigurations() throws Exception {
    String imports = new String(getClass().getResourceAsStream(
        "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports").readAllBytes());
    assertThat(imports.lines()).containsExactly(
        "org.careconnect.smart.service.tls.TlsAutoConfiguration",
        "org.careconnect.smart.service.operations.OperationsAutoConfiguration");
  }

  private static HttpsRedirectFilter redirectFilter(FilterRegistrationBean<?> registration) {
    return (HttpsRedirectFilter) registration.getFilter();
  }
}
