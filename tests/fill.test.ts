/**
 * `fill`: a learner's answers file becomes their filled worksheets, exactly as the CLI contract
 * says; bad input is refused with a located message, and nothing is written.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnswers } from '../src/answers/index.js';
import { renderFilled } from '../src/api.js';
import { runCli } from './support/cli.js';
import { fontReport, normaliseText, pageSizes, pdfText } from './support/pdf.js';
import { expectPagesMatchBaseline } from './support/pixels.js';
import { exampleOnce } from './support/rendered.js';

const EXAMPLES = ['first-year-woop', 'resident-smart', 'multilingual-long'] as const;
const examplePath = (name: string) => path.resolve('examples', `${name}.json`);

async function loadExample(name: string) {
  const result = parseAnswers(await readFile(examplePath(name), 'utf8'), `${name}.json`);
  if (!result.ok) throw new Error(`example ${name} does not validate`);
  return result.answers;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pln-fill-'));
});

describe.each(EXAMPLES)('the %s example', (name) => {
  it('looks as reviewed, page by page (pixel baselines, Letter)', async () => {
    await expectPagesMatchBaseline(`filled-${name}`, await exampleOnce(name));
  });

  it('renders the same bytes twice', async () => {
    const answers = await loadExample(name);
    const [first, second] = [await renderFilled(answers, { paper: 'a4' }), await renderFilled(answers, { paper: 'a4' })];
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
  });

  it('embeds every font it uses', async () => {
    const fonts = await fontReport(await exampleOnce(name));
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
  });
});

describe('pln-worksheets fill', () => {
  it("writes out/<learner's name>.pdf with the sheets the file has answers for, and prints the path", async () => {
    const result = await runCli(['fill', examplePath('first-year-woop')], { cwd: dir });
    expect(result.code).toBe(0);
    const written = result.stdout.toString().trim();
    expect(written).toBe(path.join('out', 'amara-okonkwo.pdf'));
    const pages = (await pdfText(await readFile(path.join(dir, written)))).map(normaliseText);
    // The first-year learner has goal and network answers but no social sheet.
    expect(pages.some((page) => page.includes('Social media reflection'))).toBe(false);
    expect(pages[0]).toContain('Amara Okonkwo');
    expect(pages[0]).toContain('Goal sheet');
  });

  it('--sheet chooses the sheets; a chosen sheet without answers prints blank', async () => {
    const result = await runCli(['fill', examplePath('first-year-woop'), '--sheet', 'social', '--paper', 'a4', '--out', '-'], { cwd: dir });
    expect(result.code).toBe(0);
    const pages = await pdfText(result.stdout);
    expect(pages).toHaveLength(3);
    expect((await pageSizes(result.stdout))[0]!.height).toBeCloseTo(841.89, 1);
    expect(normaliseText(pages.join(' '))).toContain('Social media reflection');
  });

  it('a name that is a path, or markup, becomes a safe file name inside out/', async () => {
    const file = path.join(dir, 'hostile.json');
    await writeFile(file, JSON.stringify({ learner: { name: '../../etc/passwd <b>{{x}}</b>' } }));
    const result = await runCli(['fill', file], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.toString().trim()).toBe(path.join('out', 'etc-passwd-b-x-b.pdf'));
  });

  it('reports characters no bundled font has, by name, and prints a placeholder', async () => {
    const file = path.join(dir, 'emoji.json');
    await writeFile(file, JSON.stringify({ learner: { name: 'Zoë' }, goals: { focus: 'Find a mentor 😀' } }));
    const result = await runCli(['fill', file, '--out', '-'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('U+1F600 GRINNING FACE');
    expect(normaliseText((await pdfText(result.stdout))[0]!)).toContain('Find a mentor \uFFFD');
  });

  it.each([
    ['malformed JSON', '{"learner": {"name": "Ana",}}', /bad\.json:1:27: .*/],
    ['a misspelt field', '{"learner": {"nmae": "Ana"}}', /did you mean `name`/],
    ['a wrong tie', '{"learner": {"name": "A"}, "network": {"contacts": [{"name": "B", "tie": "close", "area": "academic"}]}}', /network\.contacts\[0\]\.tie: expected one of "strong", "weak", "mentor", found "close"/],
    ['version 2', '{"version": 2, "learner": {"name": "A"}}', /version/],
    ['an empty file', '', /empty/],
  ])('refuses %s with exit 1, a located message, and writes nothing', async (_, content, message) => {
    const file = path.join(dir, 'bad.json');
    await writeFile(file, content);
    const target = path.join(dir, 'keep.pdf');
    await writeFile(target, 'previous contents');
    const result = await runCli(['fill', file, '--out', 'keep.pdf'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(target, 'utf8')).toBe('previous contents');
    expect((await readdir(dir)).filter((entry) => entry.endsWith('.tmp'))).toEqual([]);
  });

  it('a missing file is exit 1 with its name', async () => {
    const result = await runCli(['fill', 'nowhere.json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nowhere.json');
  });
});
