package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Enumeration;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The HAPI plain server of the STU3 face, wired with our providers, paging and interceptors. */
@Component
public class CareConnectRestfulServer extends RestfulServer {

  private final transient List<IResourceProvider> resourceProviders;
  private final transient List<Object> plainProviders;
  private final transient List<Object> interceptors;
  private final transient SignedPagingProvider pagingProvider;
  private final transient FhirServerProperties properties;

  public CareConnectRestfulServer(
      FhirContext fhirContext,
      List<IResourceProvider> resourceProviders,
      List<FhirSystemProvider> plainProviders,
      List<FhirServerInterceptor> interceptors,
      SignedPagingProvider pagingProvider,
      FhirServerProperties properties) {
    super(fhirContext);
    this.resourceProviders = resourceProviders;
    this.plainProviders = List.copyOf(plainProviders);
    this.interceptors = List.copyOf(interceptors);
    this.pagingProvider = pagingProvider;
    this.properties = properties;
  }

  @Override
  protected void initialize() {
    setServerName("CareConnect SMART FHIR server");
    setImplementationDescription("Care Connect (FHIR STU3) API of CareConnect SMART");
    setDefaultResponseEncoding(EncodingEnum.JSON);
    setResourceProviders(resourceProviders);
    registerProviders(plainProviders);
    setPagingProvider(pagingProvider);
    interceptors.forEach(this::registerInterceptor);
    if (StringUtils.hasText(properties.publicBaseUrl())) {
      setServerAddressStrategy(new HardcodedServerAddressStrategy(properties.publicBaseUrl()));
    }
  }

  /**
   * Echoes the request id as HAPI does, under the header name as the client spelt it. HAPI finds
   * that spelling in a map of every request header and all their values, built afresh for each
   * request (a list per header, each value read out); the names alone tell it.
   */
  @Override
  protected void addRequestIdToResponse(ServletRequestDetails request, String requestId) {
    String name = Constants.HEADER_REQUEST_ID;
    for (Enumeration<String> names = request.getServletRequest().getHeaderNames(); names.hasMoreElements(); ) {
      String next = names.nextElement();
      if (Constants.HEADER_REQUEST_ID.equalsIgnoreCase(next)) {
        name = next;
        break;
      }
    }
    request.getResponse().addHeader(name, requestId);
  }
}
