// Vital-sign Observations as chart series: one chart per observation code, one line per value
// (a blood pressure's systolic and diastolic components are two lines of one chart). Pure
// functions (no DOM), tested with node --test.
import { conceptText } from './format.js';

/**
 * Groups Observations into charts, ordered by title, points in time order:
 * [{code, title, unit, series: [{label, points: [{time (ms), value}]}]}]
 */
export function vitalSignCharts(observations) {
  const charts = new Map();
  for (const obs of observations) {
    const time = Date.parse(obs.effectiveDateTime || (obs.effectivePeriod || {}).start || obs.issued || '');
    if (Number.isNaN(time)) {
      continue;
    }
    const code = codeKey(obs.code);
    const chart = charts.get(code) || { code, title: conceptText(obs.code), unit: '', series: new Map() };
    charts.set(code, chart);
    const values = obs.valueQuantity
      ? [[chart.title, obs.valueQuantity]]
      : (obs.component || []).filter((c) => c.valueQuantity).map((c) => [conceptText(c.code), c.valueQuantity]);
    for (const [label, quantity] of values) {
      if (typeof quantity.value !== 'number') {
        continue;
      }
      chart.unit = chart.unit || quantity.unit || quantity.code || '';
      const series = chart.series.get(label) || { label, points: [] };
      chart.series.set(label, series);
      series.points.push({ time, value: quantity.value });
    }
  }
  return [...charts.values()]
    .map((chart) => ({
      ...chart,
      series: [...chart.series.values()].map((s) => ({ ...s, points: s.points.sort((a, b) => a.time - b.time) })),
    }))
    .filter((chart) => chart.series.length > 0)
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** The first coding's "code" (a LOINC code for vital signs), stable for element ids. */
function codeKey(concept) {
  const coding = ((concept || {}).coding || [])[0] || {};
  return coding.code || conceptText(concept) || 'unknown';
}
