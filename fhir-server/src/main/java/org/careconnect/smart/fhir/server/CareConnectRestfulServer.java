package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
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
}
