// Display formats (NHS style). Pure functions (no DOM), tested with node --test.

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

/** "9991234567" -> "999 123 4567" (the NHS number's 3-3-4 display); other input unchanged. */
export function formatNhsNumber(value) {
  const digits = (value || '').replace(/\s+/g, '');
  return /^\d{10}$/.test(digits)
    ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
    : value || '';
}

/** The patient's NHS number, formatted, or '' when the record has none. */
export function nhsNumber(patient) {
  const id = (patient.identifier || []).find((i) => i.system === NHS_NUMBER_SYSTEM);
  return id ? formatNhsNumber(id.value) : '';
}

/** "SMITH, Jane" from the official (else first) name: the NHS banner convention. */
export function patientName(patient) {
  const names = patient.name || [];
  const name = names.find((n) => n.use === 'official') || names[0];
  if (!name) {
    return '';
  }
  if (!name.family && !name.given && name.text) {
    return name.text;
  }
  const given = (name.given || []).join(' ');
  const family = (name.family || '').toUpperCase();
  return [family, given].filter(Boolean).join(', ');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A FHIR date or dateTime as "2 Mar 1970" (its calendar date as written, no time zone shift). */
export function formatDate(value) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value || '');
  if (!m) {
    return '';
  }
  if (!m[2]) {
    return m[1];
  }
  const month = MONTHS[Number(m[2]) - 1];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** "Female" from "female" (administrative gender codes). */
export function formatGender(value) {
  return value ? value.charAt(0).toUpperCase() + value.slice(1) : '';
}

/** Seconds left as "59:07" or "1:02:03"; "expired" at or below zero. */
export function formatCountdown(seconds) {
  if (seconds <= 0) {
    return 'expired';
  }
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** A CodeableConcept's words: text, else the first coding's display, else its code. */
export function conceptText(concept) {
  if (!concept) {
    return '';
  }
  const coding = (concept.coding || [])[0] || {};
  return concept.text || coding.display || coding.code || '';
}
