package org.careconnect.smart.fhir.transaction;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * The references between the entries of one transaction. A client names a resource it is
 * creating by the entry's {@code fullUrl} (usually {@code urn:uuid:...}) and refers to it by that
 * name; the server, once it knows the new id, rewrites every such reference in the other entries
 * to {@code Type/id} (FHIR STU3 §3.1.0.11, "Resolving references in transactions").
 */
final class BundleReferences {

  private final FhirContext context;
  private final String serverBase;
  private final Map<String, String> targetByFullUrl = new HashMap<>();

  BundleReferences(FhirContext context, String serverBase) {
    this.context = context;
    this.serverBase = serverBase.endsWith("/") ? serverBase : serverBase + "/";
  }

  /**
   * The entry with this {@code fullUrl} is, or will be, {@code type/id}. Two entries with one
   * fullUrl would make references to it ambiguous, so that is a 400 (Bundle invariant bdl-7).
   */
  void resolve(String fullUrl, String type, String id) {
    if (fullUrl == null) {
      return;
    }
    String target = type + "/" + id;
    if (targetByFullUrl.putIfAbsent(fullUrl, target) != null) {
      throw new InvalidRequestException(
          "its fullUrl '" + fullUrl + "' is the fullUrl of another entry too; fullUrls must be"
              + " unique in a Bundle");
    }
    if (fullUrl.startsWith(serverBase)) {
      // "Patient/1" in another entry means the same as the absolute fullUrl on this server
      targetByFullUrl.put(fullUrl.substring(serverBase.length()), target);
    }
  }

  /**
   * Rewrites the references of a resource that name an entry. A {@code urn:} reference that names
   * no entry could never resolve, so it is refused rather than stored dangling.
   */
  void rewrite(EntryRequest entry) {
    for (Reference reference : detach(context, entry)) {
      String value = reference.getReference();
      if (value == null) {
        continue;
      }
      String target = targetByFullUrl.get(value);
      if (target != null) {
        reference.setReference(target);
      } else if (isBundleLocal(value)) {
        throw new InvalidRequestException(
            "the reference '" + value + "' is the fullUrl of no entry that this"
                + " transaction creates or updates");
      }
    }
  }

  /**
   * Refuses references to other entries in a batch: its entries are independent, so one cannot
   * name what another creates (FHIR STU3 §3.1.0.11: in a batch such references are non-conformant).
   */
  static void refuseInBatch(FhirContext context, EntryRequest entry) {
    for (Reference reference : detach(context, entry)) {
      if (reference.getReference() != null && isBundleLocal(reference.getReference())) {
        throw new InvalidRequestException(
            "the reference '" + reference.getReference() + "' names another"
                + " entry; batch entries are independent, so use a transaction for that");
      }
    }
  }

  /**
   * The references of the entry's resource, cut loose from the other entries. Why: HAPI's parser
   * links a reference to the entry whose fullUrl it names ({@code Reference.resource}), and the
   * encoder would then store a contained copy of that entry inside this resource. Links to
   * contained resources ({@code #id}) are the resource's own and stay.
   */
  private static List<Reference> detach(FhirContext context, EntryRequest entry) {
    if (entry.resource() == null) {
      return List.of();
    }
    List<Reference> references =
        context.newTerser().getAllPopulatedChildElementsOfType(entry.resource(), Reference.class);
    for (Reference reference : references) {
      String value = reference.getReference();
      if (reference.getResource() != null && (value == null || !value.startsWith("#"))) {
        reference.setResource(null);
      }
    }
    return references;
  }

  private static boolean isBundleLocal(String reference) {
    return reference.startsWith("urn:uuid:") || reference.startsWith("urn:oid:");
  }
}
