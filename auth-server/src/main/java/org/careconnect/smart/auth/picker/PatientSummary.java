package org.careconnect.smart.auth.picker;

/** One Patient from a picker search, as shown in the results table. */
record PatientSummary(String id, String name, String birthDate, String gender, String nhsNumber) {}
