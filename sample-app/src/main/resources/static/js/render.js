// Small DOM helpers shared by the pages. Text goes in with textContent only (never innerHTML):
// everything shown comes from a FHIR server.

/** Shows the page's one error message (#error-message, role=alert). */
export function showError(message) {
  const box = document.getElementById('error-message');
  box.textContent = message;
  box.hidden = false;
}

/** Sets a section's state (data-state, for tests and styling) and its message line. */
export function setSectionState(section, state, message = '') {
  section.dataset.state = state;
  const line = section.querySelector('[data-role=message]');
  line.textContent = message;
  line.hidden = !message;
}

/** Fills a section's table body with rows, one cell per column key. */
export function fillTable(section, rows, columns) {
  const body = section.querySelector('tbody');
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement('tr');
      for (const column of columns) {
        const td = document.createElement('td');
        td.textContent = row[column];
        td.dataset.column = column;
        tr.append(td);
      }
      return tr;
    }),
  );
  section.querySelector('table').hidden = rows.length === 0;
}

/** A new element with text. */
export function element(tag, text = '', attributes = {}) {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  return node;
}
