package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IIdType;

/** The FHIR id rule: 1 to 64 of {@code A-Z a-z 0-9 - .} (FHIR STU3 datatypes, "id"). */
public final class ResourceIds {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private ResourceIds() {}

  public static void requireValid(IIdType id) {
    if (id == null || !id.hasIdPart() || !VALID.matcher(id.getIdPart()).matches()) {
      throw new InvalidRequestException(
          "Invalid resource id '" + (id == null ? "" : id.getIdPart())
              + "': ids are 1 to 64 letters, digits, '-' or '.'");
    }
  }
}
