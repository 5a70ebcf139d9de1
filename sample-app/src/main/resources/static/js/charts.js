// One <figure> per vital sign: a Chart.js line chart over time and, for screen readers and
// tests, the same values as a table (WCAG 2.2 1.1.1: a chart needs a text alternative).
import { formatDate } from './format.js';
import { element } from './render.js';

const COLOURS = ['#005eb8', '#d5281b', '#007f3b', '#7c2855', '#ffb81c'];

/** Draws the charts into the container (#vital-signs-chart), replacing what was there. */
export function drawVitalSigns(container, charts) {
  for (const canvas of container.querySelectorAll('canvas')) {
    Chart.getChart(canvas)?.destroy();
  }
  container.replaceChildren(...charts.map(figure));
}

function figure(chart) {
  const id = `vital-${chart.code}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const node = element('figure', '', { id, class: 'vital-chart', 'data-code': chart.code, 'data-testid': 'vital-chart' });
  node.append(element('figcaption', chart.unit ? `${chart.title} (${chart.unit})` : chart.title, { id: `${id}-caption` }));
  const canvas = element('canvas', '', { role: 'img', 'aria-labelledby': `${id}-caption` });
  // Chart.js sizes the canvas to this box (a fixed height, position relative: its responsive rule).
  const box = element('div', '', { class: 'chart-box' });
  box.append(canvas);
  node.append(box, table(chart));
  new Chart(canvas, {
    type: 'line',
    data: {
      datasets: chart.series.map((series, i) => ({
        label: series.label,
        data: series.points.map((p) => ({ x: p.time, y: p.value })),
        borderColor: COLOURS[i % COLOURS.length],
        backgroundColor: COLOURS[i % COLOURS.length],
        tension: 0,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      // A linear axis of epoch milliseconds: Chart.js's time axis would need a date adapter.
      scales: {
        x: { type: 'linear', ticks: { callback: (value) => formatDate(new Date(value).toISOString()) } },
        y: { title: { display: Boolean(chart.unit), text: chart.unit } },
      },
      plugins: {
        legend: { display: chart.series.length > 1 },
        tooltip: { callbacks: { title: (items) => formatDate(new Date(items[0].parsed.x).toISOString()) } },
      },
    },
  });
  return node;
}

function table(chart) {
  const details = element('details');
  details.append(element('summary', `${chart.title} as a table`));
  const t = element('table', '', { 'data-testid': 'vital-table' });
  t.append(element('caption', chart.title));
  const head = element('tr');
  head.append(element('th', 'Date', { scope: 'col' }), ...chart.series.map((s) => element('th', s.label, { scope: 'col' })));
  t.append(element('thead'));
  t.tHead.append(head);
  const body = element('tbody');
  const times = [...new Set(chart.series.flatMap((s) => s.points.map((p) => p.time)))].sort((a, b) => a - b);
  for (const time of times) {
    const tr = element('tr');
    tr.append(element('th', formatDate(new Date(time).toISOString()), { scope: 'row' }));
    for (const series of chart.series) {
      const point = series.points.find((p) => p.time === time);
      tr.append(element('td', point ? String(point.value) : ''));
    }
    body.append(tr);
  }
  t.append(body);
  details.append(t);
  return details;
}
