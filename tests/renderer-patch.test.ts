/**
 * The renderer patches (patches/, applied by `npm install`). In React-PDF's layout: a text layout
 * memo, a first pagination round that only counts pages when a second round follows, each font
 * asked for once per asset pass, whether a subtree has render props known per node, no emoji
 * search in text that cannot hold one, and whole fragments kept as laid out for a page's relayout.
 * In pdfkit: a font object used again is not opened again.
 * In Yoga's glue: WebAssembly functions are called directly.
 * Shortcuts for speed: they must change no byte of any PDF, except that kept fragments may move
 * a box by a float's last bit (a millionth of a point), so that one is compared within a tolerance.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, loadAnswersFile, type Answers } from '../src/answers/index.js';
import { renderBlank, renderFilled } from '../src/api.js';
import { syntheticCohort } from '../src/perf/cohort.js';
import { drawingDifferences } from './support/drawing.js';
import { blankOnce, exampleOnce } from './support/rendered.js';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const patchSwitch = globalThis as { plnWorksheetsLayoutPatch?: boolean; plnWorksheetsKeepFragments?: boolean };

async function load(name: string): Promise<Answers> {
  const result = await loadAnswersFile(path.join(EXAMPLES, `${name}.json`));
  if (!result.ok) expect.fail(result.problems.map(formatProblem).join('\n'));
  return result.answers;
}

async function withoutPatch<T>(render: () => Promise<T>): Promise<T> {
  patchSwitch.plnWorksheetsLayoutPatch = false;
  try {
    return await render();
  } finally {
    delete patchSwitch.plnWorksheetsLayoutPatch;
  }
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/**
 * Filled packets rendered with the patches on and whole fragments not kept, by learner: the
 * byte-for-byte test compares them with the unpatched renderer, and the fragments test with what
 * keeping fragments draws; rendered once for both.
 */
const withoutKeptFragments = new Map<string, Promise<Uint8Array>>();
function patchedWithoutKeptFragments(answers: Answers): Promise<Uint8Array> {
  const key = JSON.stringify(answers);
  let pdf = withoutKeptFragments.get(key);
  if (!pdf) {
    patchSwitch.plnWorksheetsKeepFragments = false;
    pdf = renderFilled(answers).finally(() => delete patchSwitch.plnWorksheetsKeepFragments);
    withoutKeptFragments.set(key, pdf);
  }
  return pdf;
}

describe('the renderer patches', () => {
  afterEach(() => {
    delete patchSwitch.plnWorksheetsLayoutPatch;
    delete patchSwitch.plnWorksheetsKeepFragments;
  });

  it("Yoga's glue passes every argument, whatever their number: a known layout comes out", async () => {
    const layout = createRequire(createRequire(import.meta.url).resolve('@react-pdf/renderer')).resolve('@react-pdf/layout');
    const Yoga = (await import(pathToFileURL(createRequire(layout).resolve('yoga-layout/load')).href)) as typeof import('yoga-layout/load');
    const yoga = await Yoga.loadYoga();
    const row = yoga.Node.create(); // a function without arguments
    row.setWidth(200); // methods with one argument…
    row.setHeight(100);
    row.setFlexDirection(Yoga.FlexDirection.Row);
    row.setPadding(Yoga.Edge.All, 5); // …two…
    const grows = yoga.Node.create();
    grows.setFlexGrow(1);
    grows.setMargin(Yoga.Edge.Left, 10);
    const fixed = yoga.Node.create();
    fixed.setWidth(50);
    row.insertChild(grows, 0);
    row.insertChild(fixed, 1);
    row.calculateLayout(200, 100, Yoga.Direction.LTR); // …three
    expect(grows.getComputedLayout()).toEqual({ left: 15, right: 0, top: 5, bottom: 0, width: 130, height: 90 });
    expect(fixed.getComputedLayout()).toEqual({ left: 145, right: 0, top: 5, bottom: 0, width: 50, height: 90 });
    expect([grows.getComputedMargin(Yoga.Edge.Left), row.getComputedPadding(Yoga.Edge.Top), row.getChildCount()]).toEqual([10, 5, 2]);
    row.freeRecursive();
  });

  it('changes no byte of filled packets (Latin, Arabic, Hebrew, CJK, long answers over several pages)', async () => {
    const learners = [await load('multilingual-long'), await load('resident-smart'), ...syntheticCohort(2)];
    for (const answers of learners) {
      patchSwitch.plnWorksheetsKeepFragments = false; // compared within a tolerance below
      const plain = await withoutPatch(() => renderFilled(answers));
      const patchedFirst = await patchedWithoutKeptFragments(answers);
      patchSwitch.plnWorksheetsKeepFragments = false;
      const patchedAgain = await renderFilled(answers, {}); // memo hits
      expect(same(plain, patchedFirst), answers.learner.name).toBe(true);
      expect(same(plain, patchedAgain), answers.learner.name).toBe(true);
    }
  });

  it('changes no byte of blank sheets on either paper', async () => {
    patchSwitch.plnWorksheetsKeepFragments = false; // compared within a tolerance below
    for (const paper of ['letter', 'a4'] as const) {
      const plain = await withoutPatch(() => renderBlank({ paper }));
      expect(same(plain, await renderBlank({ paper })), paper).toBe(true);
    }
  });

  it('keeping whole fragments for the page relayout draws the same, within a millionth of a point', async () => {
    // The relayout lays a fragment placed in one piece out as a leaf of its first-pass size;
    // the boxes under it keep their first-pass values, which can differ from a full relayout's
    // in the last bit of a float. No number may differ by more, and nothing else (text, fonts) at all.
    // Each document: how to render it with fragments laid out again, and its render as shipped
    // (fragments kept), which other tests read too and which is made once per worker.
    const documents: [name: string, full: () => Promise<Uint8Array>, shipped: () => Promise<Uint8Array>][] = [
      ...['multilingual-long', 'resident-smart', 'first-year-woop'].map(
        (name) => [name, async () => patchedWithoutKeptFragments(await load(name)), () => exampleOnce(name)] as const,
      ),
      ...syntheticCohort(3).map((answers) => [answers.learner.name, () => patchedWithoutKeptFragments(answers), () => renderFilled(answers)] as const),
      ['fillable', async () => renderFilled(await load('resident-smart'), { fillable: true }), () => exampleOnce('resident-smart', { fillable: true })],
      // A flowing filled sheet on A4 keeps fragments whose float noise shows in the bytes.
      ['resident-smart, A4', async () => renderFilled(await load('resident-smart'), { paper: 'a4' }), () => exampleOnce('resident-smart', { paper: 'a4' })],
      ['blank, A4', () => renderBlank({ paper: 'a4' }), () => blankOnce({ paper: 'a4' })],
    ];
    let differentBytes = 0;
    for (const [name, render, shipped] of documents) {
      patchSwitch.plnWorksheetsKeepFragments = false;
      const full = await render();
      delete patchSwitch.plnWorksheetsKeepFragments;
      const kept = await shipped();
      if (!same(full, kept)) differentBytes += 1;
      expect(await drawingDifferences(full, kept, 1e-4), name).toEqual([]);
    }
    expect(differentBytes).toBeGreaterThan(0); // the comparison saw kept fragments' float noise: it is not vacuous
  });

  it('the emoji pass skips only strings in which the emoji pattern cannot match', async () => {
    const fromRenderer = createRequire(createRequire(import.meta.url).resolve('@react-pdf/renderer'));
    const layout = fromRenderer.resolve('@react-pdf/layout');
    const source = readFileSync(layout, 'utf8');
    const skipped = /const noEmojiPossible = \/\^\[(.*)\]\*\$\/;/.exec(source)?.[1];
    expect(skipped).toBe('\\u0000-\\u2319');
    const emojiRegex = createRequire(layout)('emoji-regex-xs') as () => RegExp;
    // Every alternative of the pattern needs one of these; none is below U+231A.
    const needed = /\p{Emoji_Presentation}|\p{Emoji_Modifier_Base}|\p{Regional_Indicator}|\u{1F3F4}|\uFE0F/u;
    const below = Array.from({ length: 0x231a }, (_, cp) => String.fromCharCode(cp));
    expect(below.filter((c) => needed.test(c))).toEqual([]);
    expect(below.join('').match(emojiRegex())).toBeNull();
    expect(emojiRegex().source).toContain('\\p{Emoji}\\uFE0F'); // the pattern analysed above
    expect(needed.test('\u231A')).toBe(true); // ⌚, the first character the pass must see
  });
});
