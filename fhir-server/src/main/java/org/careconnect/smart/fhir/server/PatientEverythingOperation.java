package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import org.hl7.fhir.dstu3.model.IdType;
import org.springframework.stereotype.Component;

/** Entry point of {@code Patient/[id]/$everything} for the Patient provider. */
@Component
public class PatientEverythingOperation {

  private final ResultSets resultSets;

  PatientEverythingOperation(ResultSets resultSets) {
    this.resultSets = resultSets;
  }

  public IBundleProvider everything(IdType patientId) {
    ResourceIds.requireValid(patientId);
    return resultSets.open(new PagedResult.Everything(patientId.getIdPart()));
  }
}
