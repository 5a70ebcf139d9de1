// The "This app's access" panel: the granted scopes and a live countdown to the access token's
// expiry. fhirclient keeps expiresAt (seconds) from the token response's expires_in, and updates
// it when it refreshes, so the countdown follows each refresh.
import { formatCountdown } from './format.js';
import { element } from './render.js';

/** Lists the granted scopes in #granted-scopes. */
export function showScopes(scopes) {
  const list = document.getElementById('granted-scopes');
  list.replaceChildren(...scopes.map((scope) => element('li', scope, { 'data-scope': scope })));
}

/**
 * Starts the countdown in #token-expiry (data-expires-at holds the epoch seconds, for tests) and
 * returns its tick, to call at once after a refresh.
 */
export function startExpiryCountdown(client) {
  const target = document.getElementById('token-expiry');
  const tick = () => {
    const expiresAt = client.state.expiresAt;
    if (!expiresAt) {
      target.textContent = 'unknown (the server gave no expires_in)';
      return;
    }
    target.dataset.expiresAt = String(expiresAt);
    target.textContent = formatCountdown(expiresAt - Math.floor(Date.now() / 1000));
  };
  tick();
  window.setInterval(tick, 1000);
  return tick;
}
