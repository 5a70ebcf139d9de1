import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatCountdown, formatDate, formatNhsNumber, nhsNumber, patientName,
} from '../../main/resources/static/js/format.js';

test('formatNhsNumberWhenTenDigitsThenThreeThreeFour', () => {
  assert.equal(formatNhsNumber('9991234567'), '999 123 4567');
  assert.equal(formatNhsNumber('999 123 4567'), '999 123 4567');
  assert.equal(formatNhsNumber('12345'), '12345');
});

test('nhsNumberWhenSeveralIdentifiersThenTheNhsOne', () => {
  const patient = { identifier: [{ system: 'https://example.org/mrn', value: 'X1' }, { system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9990001112' }] };
  assert.equal(nhsNumber(patient), '999 000 1112');
  assert.equal(nhsNumber({}), '');
});

test('patientNameWhenOfficialNameThenFamilyUpperCaseFirst', () => {
  const patient = { name: [{ use: 'usual', given: ['Jo'] }, { use: 'official', family: 'Smith', given: ['Jane', 'Ann'] }] };
  assert.equal(patientName(patient), 'SMITH, Jane Ann');
  assert.equal(patientName({ name: [{ text: 'Jane Smith' }] }), 'Jane Smith');
  assert.equal(patientName({}), '');
});

test('formatDateWhenAnyPrecisionThenCalendarDate', () => {
  assert.equal(formatDate('1970-03-02'), '2 Mar 1970');
  assert.equal(formatDate('2024-12-31T23:30:00+00:00'), '31 Dec 2024');
  assert.equal(formatDate('1970-03'), 'Mar 1970');
  assert.equal(formatDate('1970'), '1970');
  assert.equal(formatDate(undefined), '');
});

test('formatCountdownWhenSecondsLeftThenClock', () => {
  assert.equal(formatCountdown(3599), '59:59');
  assert.equal(formatCountdown(3723), '1:02:03');
  assert.equal(formatCountdown(5), '0:05');
  assert.equal(formatCountdown(0), 'expired');
});
