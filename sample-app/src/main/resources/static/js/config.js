// The app's configuration (client id, scopes, FHIR base), served by the app's own server from
// its environment, so one build runs against any deployment.
export async function loadConfig() {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`config.json: ${response.status}`);
  }
  return response.json();
}
