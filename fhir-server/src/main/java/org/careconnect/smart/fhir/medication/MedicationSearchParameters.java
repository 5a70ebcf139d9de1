package org.careconnect.smart.fhir.medication;

import java.util.List;
import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.Reference;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of Medication (FHIR STU3 medication.html#search). */
@Component
public class MedicationSearchParameters extends ResourceSearchParameters<Medication> {

  public MedicationSearchParameters() {
    super(Medication.class);
    token("code", m -> values(m.getCode()));
    token("status", m -> values(m.getStatusElement()));
    token("form", m -> values(m.getForm()));
    token("over-the-counter", m -> values(m.getIsOverTheCounterElement()));
    token("container", m -> m.hasPackage() ? values(m.getPackage().getContainer()) : List.of());
    // ingredient.item[x] is a CodeableConcept or a Reference: one parameter for each.
    token("ingredient-code",
        m -> m.getIngredient().stream().flatMap(i -> choice(i.getItem(), CodeableConcept.class).stream()).toList());
    reference("ingredient",
        m -> m.getIngredient().stream().flatMap(i -> choice(i.getItem(), Reference.class).stream()).toList(),
        "Medication", "Substance");
    reference("manufacturer", m -> values(m.getManufacturer()), "Organization");
  }
}
