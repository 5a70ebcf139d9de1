// Rows of the conditions, medications and allergies tables, from FHIR STU3 resources. Pure
// functions (no DOM), tested with node --test.
import { conceptText, formatDate } from './format.js';

/** Condition -> {name, status, onset} */
export function conditionRow(condition) {
  return {
    name: conceptText(condition.code),
    status: condition.clinicalStatus || '',
    onset: formatDate(condition.onsetDateTime || (condition.onsetPeriod || {}).start || condition.assertedDate),
  };
}

/** AllergyIntolerance -> {substance, criticality, reaction, recorded} */
export function allergyRow(allergy) {
  const manifestations = (allergy.reaction || []).flatMap((r) => r.manifestation || []).map(conceptText);
  return {
    substance: conceptText(allergy.code),
    criticality: allergy.criticality || '',
    reaction: [...new Set(manifestations)].join(', '),
    recorded: formatDate(allergy.assertedDate || allergy.onsetDateTime),
  };
}

/**
 * MedicationRequests and MedicationStatements (with the Medications that _include brought, in
 * the same list) -> [{name, kind, status, dosage, date}], requests first.
 */
export function medicationRows(resources) {
  const medications = new Map(
    resources.filter((r) => r.resourceType === 'Medication').map((m) => [`Medication/${m.id}`, m]),
  );
  const nameOf = (resource) => {
    if (resource.medicationCodeableConcept) {
      return conceptText(resource.medicationCodeableConcept);
    }
    const ref = resource.medicationReference || {};
    const contained = (ref.reference || '').startsWith('#')
      ? (resource.contained || []).find((c) => `#${c.id}` === ref.reference)
      : undefined;
    const medication = contained || medications.get(ref.reference);
    return (medication && conceptText(medication.code)) || ref.display || ref.reference || '';
  };
  const dosageOf = (resource) =>
    (resource.dosageInstruction || resource.dosage || []).map((d) => d.text).filter(Boolean).join('; ');
  return ['MedicationRequest', 'MedicationStatement'].flatMap((type) =>
    resources
      .filter((r) => r.resourceType === type)
      .map((r) => ({
        name: nameOf(r),
        kind: type === 'MedicationRequest' ? 'Prescription' : 'Statement',
        status: r.status || '',
        dosage: dosageOf(r),
        date: formatDate(r.authoredOn || r.effectiveDateTime || (r.effectivePeriod || {}).start || r.dateAsserted),
      })),
  );
}
