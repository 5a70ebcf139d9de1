import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canRead, canRefresh, canSearch, grantedScopes } from '../../main/resources/static/js/scopes.js';

test('canSearchWhenWildcardV2ThenEveryType', () => {
  const scopes = grantedScopes('openid fhirUser launch/patient patient/*.rs');
  assert.equal(canSearch(scopes, 'Observation'), true);
  assert.equal(canSearch(scopes, 'AllergyIntolerance'), true);
});

test('canSearchWhenOnlyOtherTypesThenFalse', () => {
  const scopes = grantedScopes('patient/Observation.rs patient/Patient.r');
  assert.equal(canSearch(scopes, 'Observation'), true);
  assert.equal(canSearch(scopes, 'Condition'), false);
  assert.equal(canSearch(scopes, 'Patient'), false);
  assert.equal(canRead(scopes, 'Patient'), true);
});

test('canSearchWhenV1ReadThenTrue', () => {
  assert.equal(canSearch(['user/Condition.read'], 'Condition'), true);
  assert.equal(canSearch(['patient/*.*'], 'Condition'), true);
  assert.equal(canSearch(['patient/Condition.write'], 'Condition'), false);
});

test('canSearchWhenGranularV2ThenTrue', () => {
  assert.equal(canSearch(['patient/Observation.rs?category=vital-signs'], 'Observation'), true);
});

test('canRefreshOnlyWithOfflineOrOnlineAccess', () => {
  assert.equal(canRefresh(['offline_access']), true);
  assert.equal(canRefresh(['online_access']), true);
  assert.equal(canRefresh(['openid']), false);
});
