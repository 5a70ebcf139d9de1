package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.Date;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * A result set read from the store a page at a time. HAPI asks for {@link #size()} (the Bundle's
 * total) and for the page it is sending; nothing else is loaded.
 */
abstract class PagedBundleProvider implements IBundleProvider {

  private final PagedResult definition;
  private final InstantType published = InstantType.now();
  private Integer size;

  PagedBundleProvider(PagedResult definition) {
    this.definition = definition;
  }

  /** What this result set is, so that a paging link can re-run it. */
  PagedResult definition() {
    return definition;
  }

  protected abstract int count();

  @Override
  public final Integer size() {
    if (size == null) {
      size = count();
    }
    return size;
  }

  @Override
  public IPrimitiveType<Date> getPublished() {
    return published;
  }

  @Override
  public String getUuid() {
    return null;
  }

  @Override
  public Integer preferredPageSize() {
    return null;
  }
}
