package org.careconnect.smart.fhir.transaction;

import java.util.UUID;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.dstu3.model.Bundle.HTTPVerb;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/** Builders for the batch and transaction Bundles of the tests. */
final class Bundles {

  static final String SYSTEM = "https://careconnect.test/Id/tx-test";

  private final Bundle bundle;

  private Bundles(Bundle.BundleType type) {
    this.bundle = new Bundle().setType(type);
  }

  static Bundles transaction() {
    return new Bundles(Bundle.BundleType.TRANSACTION);
  }

  static Bundles batch() {
    return new Bundles(Bundle.BundleType.BATCH);
  }

  static String urn() {
    return "urn:uuid:" + UUID.randomUUID();
  }

  /** A Patient with one identifier of the test system. */
  static Patient patient(String identifier) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(SYSTEM).setValue(identifier);
    patient.addName().setUse(org.hl7.fhir.dstu3.model.HumanName.NameUse.OFFICIAL).setFamily("Transaction").addGiven("Test");
    return patient;
  }

  /** The Patient with its id set, as an update carries it. */
  static Patient withId(Patient patient, String id) {
    patient.setId(id);
    return patient;
  }

  /** Makes {@code patient} point at {@code target} (Patient.link.other, type seealso). */
  static Patient linkedTo(Patient patient, String target) {
    patient.addLink().setOther(new Reference(target)).setType(Patient.LinkType.SEEALSO);
    return patient;
  }

  Bundles post(String fullUrl, Resource resource) {
    return add(fullUrl, resource, HTTPVerb.POST, resource.fhirType());
  }

  Bundles postIfNoneExist(String fullUrl, Resource resource, String ifNoneExist) {
    add(fullUrl, resource, HTTPVerb.POST, resource.fhirType());
    last().getRequest().setIfNoneExist(ifNoneExist);
    return this;
  }

  Bundles put(String url, Resource resource) {
    return add(null, resource, HTTPVerb.PUT, url);
  }

  Bundles putWithFullUrl(String fullUrl, String url, Resource resource) {
    return add(fullUrl, resource, HTTPVerb.PUT, url);
  }

  Bundles putIfMatch(String url, Resource resource, String etag) {
    add(null, resource, HTTPVerb.PUT, url);
    last().getRequest().setIfMatch(etag);
    return this;
  }

  Bundles delete(String url) {
    return add(null, null, HTTPVerb.DELETE, url);
  }

  Bundles get(String url) {
    return add(null, null, HTTPVerb.GET, url);
  }

  String json(FhirTestClient client) {
    return client.encode(bundle);
  }

  private Bundles add(String fullUrl, Resource resource, HTTPVerb method, String url) {
    BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
    entry.getRequest().setMethod(method).setUrl(url);
    return this;
  }

  private BundleEntryComponent last() {
    return bundle.getEntry().get(bundle.getEntry().size() - 1);
  }

  /** The first diagnostics of an OperationOutcome body. */
  static String diagnostics(FhirTestClient client, String body) {
    return client.parse(OperationOutcome.class, body).getIssueFirstRep().getDiagnostics();
  }
}
