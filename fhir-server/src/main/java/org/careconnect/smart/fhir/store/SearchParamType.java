package org.careconnect.smart.fhir.store;

/** The FHIR search parameter types this server indexes. */
public enum SearchParamType {
  TOKEN,
  STRING,
  DATE,
  REFERENCE
}
