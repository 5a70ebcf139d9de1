import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allergyRow, conditionRow, medicationRows } from '../../main/resources/static/js/records.js';
import { authorizationErrorMessage, failureKind, refusalReason } from '../../main/resources/static/js/errors.js';
import { vitalSignCharts } from '../../main/resources/static/js/vitals.js';

const concept = (code, display) => ({ coding: [{ system: 'http://loinc.org', code, display }] });

test('medicationRowsWhenReferenceThenIncludedMedicationName', () => {
  const rows = medicationRows([
    { resourceType: 'MedicationStatement', status: 'active', medicationReference: { reference: 'Medication/m1' }, dosage: [{ text: 'One daily' }] },
    { resourceType: 'Medication', id: 'm1', code: { coding: [{ display: 'Ramipril 5mg capsules' }] } },
    { resourceType: 'MedicationRequest', status: 'active', authoredOn: '2024-01-02', medicationCodeableConcept: { text: 'Aspirin' } },
  ]);
  assert.deepEqual(rows.map((r) => [r.name, r.kind, r.dosage]), [
    ['Aspirin', 'Prescription', ''],
    ['Ramipril 5mg capsules', 'Statement', 'One daily'],
  ]);
});

test('conditionAndAllergyRows', () => {
  assert.deepEqual(conditionRow({ code: { text: 'Asthma' }, clinicalStatus: 'active', onsetDateTime: '2001-05-06' }),
    { name: 'Asthma', status: 'active', onset: '6 May 2001' });
  const allergy = allergyRow({ code: { coding: [{ display: 'Penicillin' }] }, criticality: 'high', reaction: [{ manifestation: [{ text: 'Rash' }] }] });
  assert.equal(allergy.substance, 'Penicillin');
  assert.equal(allergy.reaction, 'Rash');
});

test('vitalSignChartsWhenBloodPressureThenTwoSeriesInTimeOrder', () => {
  const bp = (date, sys, dia) => ({
    code: concept('55284-4', 'Blood pressure'), effectiveDateTime: date,
    component: [
      { code: concept('8480-6', 'Systolic'), valueQuantity: { value: sys, unit: 'mm[Hg]' } },
      { code: concept('8462-4', 'Diastolic'), valueQuantity: { value: dia, unit: 'mm[Hg]' } },
    ],
  });
  const charts = vitalSignCharts([
    bp('2024-02-01', 130, 85), bp('2024-01-01', 120, 80),
    { code: concept('8867-4', 'Heart rate'), effectiveDateTime: '2024-01-01', valueQuantity: { value: 70, unit: '/min' } },
  ]);
  assert.deepEqual(charts.map((c) => c.code), ['55284-4', '8867-4']);
  assert.deepEqual(charts[0].series.map((s) => s.label), ['Systolic', 'Diastolic']);
  assert.deepEqual(charts[0].series[0].points.map((p) => p.value), [120, 130]);
});

test('errorsWhenDeniedOrRefusedThenClearWords', () => {
  assert.equal(authorizationErrorMessage('access_denied'), 'You chose not to share your record with this app.');
  const refused = { status: 403, message: '403 Forbidden\nURL: x\n\n' + JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ diagnostics: 'scope does not allow Condition' }] }) };
  assert.equal(failureKind(refused), 'refused');
  assert.equal(refusalReason(refused), 'scope does not allow Condition');
  assert.equal(failureKind({ status: 401 }), 'session');
  assert.equal(refusalReason({ message: '500 Server Error\nURL: x' }), '500 Server Error');
});
