package org.careconnect.smart.fhir.store;

import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Marks a resource that a store hands out exactly as one stored version (its type, id and
 * version in its id), so that the encoding of that version can be reused instead of encoding the
 * object again (see {@code response.StoredJsonResponses}). A store marks only fresh copies that
 * it has not changed; code that changes a marked resource before answering with it must
 * {@link #forget} the mark. Stores that don't mark anything lose nothing but the speed-up.
 */
public final class StoredVersion {

  private static final String KEY = StoredVersion.class.getName();

  private StoredVersion() {}

  public static <T extends IBaseResource> T mark(T resource) {
    resource.setUserData(KEY, resource.getIdElement().getVersionIdPart());
    return resource;
  }

  public static void forget(IBaseResource resource) {
    resource.setUserData(KEY, null);
  }

  /** True when marked, and its id still names the version that was marked. */
  public static boolean isUnchanged(IBaseResource resource) {
    Object version = resource.getUserData(KEY);
    return version != null && version.equals(resource.getIdElement().getVersionIdPart());
  }
}
