package org.careconnect.smart.fhir.response;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import java.util.EnumSet;
import java.util.Set;

/**
 * A read or search answered in JSON that HAPI writes with its plain settings: every resource
 * whole, not pretty printed. Only then is a resource's answer the same text for every request,
 * so that it can be cached ({@link StoredJsonResponses}).
 */
final class PlainJsonResponse {

  private static final Set<RestOperationTypeEnum> READS_AND_SEARCHES =
      EnumSet.of(
          RestOperationTypeEnum.READ,
          RestOperationTypeEnum.VREAD,
          RestOperationTypeEnum.SEARCH_TYPE,
          RestOperationTypeEnum.SEARCH_SYSTEM,
          RestOperationTypeEnum.GET_PAGE);

  private PlainJsonResponse() {}

  static boolean applies(RequestDetails request) {
    if (!READS_AND_SEARCHES.contains(request.getRestOperationType())) {
      return false;
    }
    for (String parameter : request.getParameters().keySet()) {
      if (parameter.startsWith(Constants.PARAM_ELEMENTS) || parameter.equals(Constants.PARAM_PRETTY)) {
        return false;
      }
    }
    return RestfulServerUtils.determineResponseEncodingWithDefault(request).getEncoding() == EncodingEnum.JSON
        && !RestfulServerUtils.prettyPrintResponse(request.getServer(), request)
        && RestfulServerUtils.determineSummaryMode(request).equals(Set.of(SummaryEnum.FALSE));
  }
}
