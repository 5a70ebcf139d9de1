// What the granted scopes let this app read. Pure functions (no DOM), tested with node --test.
// SMART App Launch 2.2 §scopes: v1 "patient/Observation.read" or ".*", v2 "patient/Observation.rs"
// (permissions c r u d s, in that order), optionally narrowed by "?param=value". The app only
// searches (a section needs "s") and reads the Patient (the banner needs "r").

const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)(\?.*)?$/;

/** The granted scope string (token response "scope") as a list, in the order granted. */
export function grantedScopes(scope) {
  return (scope || '').split(/\s+/).filter(Boolean);
}

/** True when a granted scope allows searching resources of this type (v2 "s"). */
export function canSearch(scopes, resourceType) {
  return permits(scopes, resourceType, 's');
}

/** True when a granted scope allows reading a resource of this type by id (v2 "r"). */
export function canRead(scopes, resourceType) {
  return permits(scopes, resourceType, 'r');
}

// v1 "read" and "*" mean both read and search (SMART 2.2 §scopes for requesting clinical data).
function permits(scopes, resourceType, letter) {
  return scopes.some((scope) => {
    const m = RESOURCE_SCOPE.exec(scope);
    if (!m || (m[2] !== '*' && m[2] !== resourceType)) {
      return false;
    }
    const permission = m[3];
    return permission === 'read' || permission === '*' || permission.includes(letter);
  });
}

/** True when refresh tokens were granted: fhirclient refreshes only then. */
export function canRefresh(scopes) {
  return scopes.includes('offline_access') || scopes.includes('online_access');
}
