// index.html: the SMART redirect target and the record view. FHIR.oauth2.ready() exchanges the
// code for tokens (or restores the session from sessionStorage on a reload), then each section
// whose resource types the granted scopes allow is searched; the others say "not shared".
import { authorizationErrorMessage, failureKind, MESSAGES, refusalReason } from './errors.js';
import { formatDate, formatGender, nhsNumber, patientName } from './format.js';
import { allergyRow, conditionRow, medicationRows } from './records.js';
import { canRead, canRefresh, canSearch, grantedScopes } from './scopes.js';
import { fillTable, setSectionState, showError } from './render.js';
import { drawVitalSigns } from './charts.js';
import { showScopes, startExpiryCountdown } from './session.js';
import { vitalSignCharts } from './vitals.js';

const status = document.getElementById('status');

/** The record's sections: their element, the types they need, how to load and show them. */
const SECTIONS = [
  {
    id: 'vital-signs',
    types: ['Observation'],
    load: (client, patient) => search(client, `Observation?patient=${patient}&category=vital-signs&_count=100`),
    show: (section, resources) => drawVitalSigns(document.getElementById('vital-signs-chart'), vitalSignCharts(resources)),
  },
  {
    id: 'conditions',
    types: ['Condition'],
    load: (client, patient) => search(client, `Condition?patient=${patient}&_count=100`),
    show: (section, resources) => fillTable(section, resources.map(conditionRow), ['name', 'status', 'onset']),
  },
  {
    id: 'medications',
    types: ['MedicationRequest', 'MedicationStatement'],
    // _include brings each referenced Medication in the same answer: its name, no extra reads.
    load: async (client, patient, allowed) =>
      (
        await Promise.all(
          allowed.map((type) => search(client, `${type}?patient=${patient}&_include=${type}:medication&_count=100`)),
        )
      ).flat(),
    show: (section, resources) => fillTable(section, medicationRows(resources), ['name', 'kind', 'status', 'dosage', 'date']),
  },
  {
    id: 'allergies',
    types: ['AllergyIntolerance'],
    load: (client, patient) => search(client, `AllergyIntolerance?patient=${patient}&_count=100`),
    show: (section, resources) => fillTable(section, resources.map(allergyRow), ['substance', 'criticality', 'reaction', 'recorded']),
  },
];

/** Every page of a search, as one flat list of resources (included ones too). */
function search(client, query) {
  return client.request(query, { pageLimit: 0, flat: true });
}

async function start() {
  const params = new URLSearchParams(window.location.search);
  if (params.get('error')) {
    // RFC 6749 §4.1.2.1: the authorisation server sends the refusal back on the redirect.
    fail(authorizationErrorMessage(params.get('error'), params.get('error_description')));
    return;
  }
  let client;
  try {
    client = await FHIR.oauth2.ready();
  } catch (error) {
    fail(/state/i.test(error.message) ? MESSAGES.noLaunch : `The app could not start: ${error.message}`);
    return;
  }
  const scopes = grantedScopes(client.state.tokenResponse.scope);
  showScopes(scopes);
  // fhirclient refreshes only with offline_access or online_access granted.
  document.getElementById('refresh-note').hidden = !canRefresh(scopes);
  const showExpiry = startExpiryCountdown(client);
  document.getElementById('record').hidden = false;
  document.getElementById('reload').addEventListener('click', () => load(client, scopes, showExpiry));
  await load(client, scopes, showExpiry);
}

/** Loads the banner and every section; a rejected session stops everything with one message. */
async function load(client, scopes, showExpiry) {
  status.textContent = 'Loading your record…';
  try {
    // Refresh first when the access token has (nearly) expired, so a refused refresh is told
    // apart from a refused FHIR request.
    await client.refreshIfNeeded();
    showExpiry();
  } catch {
    endSession();
    return;
  }
  const patient = client.patient.id;
  if (!patient) {
    fail('No patient was chosen for this launch, so there is no record to show.');
    return;
  }
  const results = await Promise.all([showBanner(client, scopes), ...SECTIONS.map((s) => loadSection(client, scopes, patient, s))]);
  if (results.includes('session')) {
    endSession();
    return;
  }
  status.textContent = `Record loaded at ${new Date().toLocaleTimeString('en-GB')}.`;
}

async function loadSection(client, scopes, patient, spec) {
  const section = document.getElementById(spec.id);
  const allowed = spec.types.filter((type) => canSearch(scopes, type));
  if (allowed.length === 0) {
    setSectionState(section, 'not-shared', 'Not shared with this app.');
    return 'not-shared';
  }
  setSectionState(section, 'loading', 'Loading…');
  try {
    const resources = await spec.load(client, patient, allowed);
    spec.show(section, resources);
    setSectionState(section, resources.length ? 'loaded' : 'empty', resources.length ? '' : 'Nothing recorded.');
    return 'loaded';
  } catch (error) {
    return sectionFailed(section, spec.types.join(' and '), error);
  }
}

/** The patient banner, when the launch asks for one (need_patient_banner; SMART 2.2 §launch context). */
async function showBanner(client, scopes) {
  const banner = document.getElementById('patient-banner');
  // true, or absent (a standalone launch has no EHR showing a banner); false inside an EHR frame.
  banner.hidden = client.state.tokenResponse.need_patient_banner === false;
  if (banner.hidden) {
    return 'hidden';
  }
  if (!canRead(scopes, 'Patient')) {
    setSectionState(banner, 'not-shared', 'Patient details not shared with this app.');
    return 'not-shared';
  }
  try {
    const patient = await client.patient.read();
    document.getElementById('patient-name').textContent = patientName(patient);
    document.getElementById('patient-nhs-number').textContent = nhsNumber(patient) || 'not recorded';
    document.getElementById('patient-birth-date').textContent = formatDate(patient.birthDate);
    document.getElementById('patient-gender').textContent = formatGender(patient.gender);
    setSectionState(banner, 'loaded');
    return 'loaded';
  } catch (error) {
    return sectionFailed(banner, 'Patient', error);
  }
}

function sectionFailed(section, what, error) {
  const kind = failureKind(error);
  if (kind === 'refused') {
    setSectionState(section, 'refused', `The FHIR server refused to share ${what} (403): ${refusalReason(error)}`);
  } else if (kind === 'failed') {
    setSectionState(section, 'error', `${what} could not be loaded: ${refusalReason(error)}`);
  }
  return kind;
}

function endSession() {
  document.getElementById('record').hidden = true;
  document.getElementById('patient-banner').hidden = true;
  fail(MESSAGES.sessionEnded);
}

function fail(message) {
  status.textContent = '';
  showError(message);
}

start();
