// Copies the browser builds of the pinned npm packages into the served static folder (the Maven
// build passes target/classes/static/vendor). The UMD builds are used as published: the app is a
// stock fhirclient app, so the library is not rebuilt or patched. Licence files travel with them.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run build -- <target folder>');
  process.exit(2);
}
const files = [
  // fhirclient's browser bundle (window.FHIR), with its polyfills; 2.6.3 per package-lock.json
  ['node_modules/fhirclient/build/fhir-client.min.js', 'fhir-client.min.js'],
  ['node_modules/fhirclient/build/fhir-client.min.js.LICENSE.txt', 'fhir-client.min.js.LICENSE.txt'],
  ['node_modules/fhirclient/LICENSE', 'fhirclient.LICENSE.txt'],
  // Chart.js 4 UMD build (window.Chart)
  ['node_modules/chart.js/dist/chart.umd.min.js', 'chart.umd.min.js'],
  ['node_modules/chart.js/LICENSE.md', 'chart.js.LICENSE.md'],
];
mkdirSync(target, { recursive: true });
for (const [from, to] of files) {
  copyFileSync(from, join(target, to));
}
console.log(`copied ${files.length} files to ${target}`);
