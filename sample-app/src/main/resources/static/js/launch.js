// launch.html: the SMART launch (SMART App Launch 2.2 §EHR launch, §standalone launch).
// With ?iss=..&launch=.. (an EHR launch) or ?iss=.. alone (standalone) it hands over to fhirclient,
// which discovers the authorisation server from {iss}/.well-known/smart-configuration, makes the
// PKCE S256 verifier and sends the browser to the authorize endpoint with aud = iss. Without iss
// it shows the start form, whose submit comes back here with ?iss=.
import { loadConfig } from './config.js';
import { showError } from './render.js';

const params = new URLSearchParams(window.location.search);

try {
  const config = await loadConfig();
  if (params.get('iss')) {
    const ehrLaunch = params.has('launch');
    document.getElementById('launch-status').textContent = 'Connecting to your health record…';
    await FHIR.oauth2.authorize({
      clientId: config.clientId,
      // An EHR launch asks for "launch"; a standalone one must not (no launch id to go with it).
      scope: ehrLaunch ? config.scope : config.standaloneScope,
      redirectUri: 'index.html',
      // Inside the launcher's EHR frame the whole app runs in the frame: finish there too.
      completeInTarget: true,
    });
  } else {
    const form = document.getElementById('launch-form');
    document.getElementById('iss').value = config.fhirBaseUrl;
    form.hidden = false;
    document.getElementById('launch-status').textContent = '';
  }
} catch (error) {
  document.getElementById('launch-status').textContent = '';
  showError(`The app could not start: ${error.message}`);
}
