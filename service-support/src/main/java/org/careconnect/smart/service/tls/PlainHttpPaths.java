package org.careconnect.smart.service.tls;

import java.util.List;

/**
 * Path prefixes a service keeps on plain http while {@code careconnect.tls.http-mode=redirect}
 * (the FHIR server's open demo face: plain http is the point of it, docs/security.md). A service
 * declares one as a bean; health probes are always kept on http without one.
 */
@FunctionalInterface
public interface PlainHttpPaths {

  List<String> prefixes();
}
