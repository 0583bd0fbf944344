/**
 * `npm run build`: the static build. Renders the blank sets (Letter and A4, all sheets) and every
 * answers file in examples/ (Letter) into out/.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem, loadAnswersFile } from '../answers/index.js';
import { DEFAULT_PDF_DATE, renderBlank, renderFilled } from '../api.js';
import { pdfDateFromEnvironment } from '../cli/options.js';
import { writeFileAtomically } from '../io/write.js';
import { PAPERS } from '../pdf/paper.js';

const outDir = path.resolve('out');
const examplesDir = path.resolve('examples');
const date = pdfDateFromEnvironment(process.env, DEFAULT_PDF_DATE);

async function build(name: string, render: () => Promise<Uint8Array>): Promise<void> {
  const started = performance.now();
  const file = path.join(outDir, name);
  await writeFileAtomically(file, await render());
  console.log(`${path.relative(process.cwd(), file)}  (${Math.round(performance.now() - started)} ms)`);
}

for (const paper of PAPERS) await build(`blank-${paper}.pdf`, () => renderBlank({ paper, date }));

const examples = (await readdir(examplesDir)).filter((name) => name.endsWith('.json')).sort();
let failed = false;
for (const example of examples) {
  const loaded = await loadAnswersFile(path.join(examplesDir, example));
  if (!loaded.ok) {
    loaded.problems.forEach((problem) => console.error(formatProblem(problem)));
    failed = true;
    continue;
  }
  await build(example.replace(/\.json$/, '.pdf'), () => renderFilled(loaded.answers, { date }));
}
if (failed) process.exitCode = 1;

// The static web app (out/site), from the same core and templates/.
const { buildSite } = await import('./build-site.js');
for (const { file, bytes } of await buildSite()) console.log(`out/site/${file}  (${Math.round(bytes / 1024)} KB)`);
