package org.careconnect.smart.fhir.openface;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.careconnect.smart.fhir.server.EveryFaceInterceptor;

/**
 * The HAPI server of the open face: the store's resource providers, no system providers (no
 * batch or transaction), the interceptors meant for every face, and {@link ReadOnlyFace}. No
 * security, scope or audit interceptor is registered here.
 */
class OpenFaceServer extends RestfulServer {

  private final transient List<IResourceProvider> resourceProviders;
  private final transient List<EveryFaceInterceptor> interceptors;
  private final transient IPagingProvider paging;
  private final String publicBaseUrl;

  OpenFaceServer(
      FhirContext fhirContext,
      List<IResourceProvider> resourceProviders,
      List<EveryFaceInterceptor> interceptors,
      IPagingProvider paging,
      String publicBaseUrl) {
    super(fhirContext);
    this.resourceProviders = List.copyOf(resourceProviders);
    this.interceptors = List.copyOf(interceptors);
    this.paging = paging;
    this.publicBaseUrl = publicBaseUrl;
  }

  @Override
  protected void initialize() {
    setServerName("CareConnect SMART FHIR server (open demo face, read-only)");
    setImplementationDescription("Open, read-only demo face of CareConnect SMART: synthetic data, no token");
    setDefaultResponseEncoding(EncodingEnum.JSON);
    setResourceProviders(resourceProviders);
    setPagingProvider(paging);
    interceptors.forEach(this::registerInterceptor);
    registerInterceptor(new ReadOnlyFace());
    if (publicBaseUrl != null) {
      setServerAddressStrategy(new HardcodedServerAddressStrategy(publicBaseUrl));
    }
  }
}
