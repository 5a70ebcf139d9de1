package org.careconnect.smart.fhir.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HAPI's JSON writer hands every field to Jackson's {@code ObjectMapper.writeValue}, which
 * flushes after each value; on Tomcat each flush is a socket write. A Patient read made dozens of
 * tiny writes and spent a third of its CPU there. The FHIR responses are written whole, so the
 * writer given to HAPI ignores intermediate flushes; the servlet container sends the buffered
 * body when the response completes.
 */
@Configuration(proxyBeanMethods = false)
class ResponseFlushCoalescing {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> fhirFlushCoalescingFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            chain.doFilter(request, new CoalescingResponse(response));
          }
        });
    registration.addUrlPatterns(FhirServletRegistration.STU3_PATH + "/*");
    registration.setName("fhirFlushCoalescing");
    return registration;
  }

  private static final class CoalescingResponse extends HttpServletResponseWrapper {
    private PrintWriter writer;

    CoalescingResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        Writer target = super.getWriter();
        writer = new PrintWriter(new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) throws IOException {
            target.write(buffer, offset, length);
          }

          @Override
          public void write(String text, int offset, int length) throws IOException {
            target.write(text, offset, length);
          }

          @Override
          public void flush() {
            // deliberately nothing: see the class comment
          }

          @Override
          public void close() throws IOException {
            target.close();
          }
        });
      }
      return writer;
    }
  }
}
