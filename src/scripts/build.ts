/**
 * `npm run build`: the static build. Renders the blank sets (Letter and A4, all sheets) into out/.
 */
import path from 'node:path';
import { DEFAULT_PDF_DATE, renderBlank } from '../api.js';
import { pdfDateFromEnvironment } from '../cli/options.js';
import { writeFileAtomically } from '../io/write.js';
import { PAPERS } from '../pdf/paper.js';

const outDir = path.resolve('out');
const date = pdfDateFromEnvironment(process.env, DEFAULT_PDF_DATE);

for (const paper of PAPERS) {
  const started = performance.now();
  const file = path.join(outDir, `blank-${paper}.pdf`);
  await writeFileAtomically(file, await renderBlank({ paper, date }));
  console.log(`${path.relative(process.cwd(), file)}  (${Math.round(performance.now() - started)} ms)`);
}
