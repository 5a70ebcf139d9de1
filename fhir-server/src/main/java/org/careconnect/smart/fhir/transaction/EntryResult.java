package org.careconnect.smart.fhir.transaction;

import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * What one entry did.
 *
 * @param status the HTTP status the same interaction would have had on its own
 * @param target the resource acted on, with its version when one was written or read; null when
 *     none was (a conditional delete that matched nothing, a search)
 * @param resource what the entry returns: the stored resource, or the searchset of a search
 */
record EntryResult(int status, IdType target, Resource resource) {

  /** {@code Type/id}, without version, or null. */
  String identity() {
    return target == null || !target.hasIdPart() ? null : target.toUnqualifiedVersionless().getValue();
  }
}
