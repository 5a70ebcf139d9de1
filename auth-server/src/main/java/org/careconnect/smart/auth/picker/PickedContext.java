package org.careconnect.smart.auth.picker;

import java.io.Serial;
import java.io.Serializable;

/** The patient (and encounter, or null) a clinician picked for one authorization flow. */
record PickedContext(String patient, String encounter) implements Serializable {

  @Serial private static final long serialVersionUID = 1L;
}
