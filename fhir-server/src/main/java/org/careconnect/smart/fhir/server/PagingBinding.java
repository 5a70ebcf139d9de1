package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;

/**
 * Who a paging link belongs to: mixed into its signature, so a page link obtained by one caller
 * is useless to another (issue 4). Security supplies the token's subject and client; without
 * security every caller is the same.
 */
public interface PagingBinding {

  PagingBinding NONE = request -> "";

  String of(RequestDetails request);
}
