// Turns what fhirclient throws into the words the page shows. Pure functions (no DOM), tested
// with node --test.

export const MESSAGES = {
  denied: 'You chose not to share your record with this app.',
  noLaunch: 'This app has not been launched. Start it from your health record system, or from the launch page.',
  sessionEnded: 'Your session has ended, launch the app again.',
};

/** The message for an authorization error on the redirect (RFC 6749 §4.1.2.1). */
export function authorizationErrorMessage(error, description) {
  if (error === 'access_denied') {
    return MESSAGES.denied;
  }
  return `The authorisation server refused the launch (${error}${description ? `: ${description}` : ''}).`;
}

/**
 * Why a FHIR request was refused: the OperationOutcome's diagnostics (or details) when the body
 * was one, else the HTTP status line. fhirclient's HttpError appends the JSON body to its message.
 */
export function refusalReason(error) {
  const message = String((error && error.message) || '');
  const body = message.indexOf('\n\n');
  if (body >= 0) {
    try {
      const outcome = JSON.parse(message.slice(body + 2));
      const words = (outcome.issue || [])
        .map((i) => i.diagnostics || (i.details || {}).text)
        .filter(Boolean);
      if (words.length) {
        return words.join(' ');
      }
    } catch {
      // not JSON: fall back to the status line
    }
  }
  return message.split('\n')[0] || 'unknown error';
}

/** What failed: 'session' (token rejected and not refreshable), 'refused' (403), or 'failed'. */
export function failureKind(error) {
  const status = error && (error.status || error.statusCode);
  if (status === 401) {
    return 'session';
  }
  if (status === 403) {
    return 'refused';
  }
  return 'failed';
}
