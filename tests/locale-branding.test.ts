/**
 * Faculty make the sheets their own without touching code: their words (template overrides),
 * their language (locales), their branding (config file). Mistakes in templates are located.
 */
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { PNG } from 'pngjs';
import { PDFDocument, PDFDict, PDFName, PDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnswers } from '../src/answers/index.js';
import { renderBlank, renderFilled } from '../src/api.js';
import { compileCopy } from '../src/copy/copy.js';
import { builtInLocales, builtInTemplatesDir, englishKeys, loadCopy, readTemplateFiles } from '../src/copy/load.js';
import { runCli } from './support/cli.js';
import { normaliseText, pdfText } from './support/pdf.js';
import { expectPagesMatchBaseline } from './support/pixels.js';
import { blankOnce } from './support/rendered.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pln-locale-'));
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const textOf = async (pdf: Uint8Array) => normaliseText((await pdfText(pdf)).join('\n'));

/** English copy that a translation must replace: what differs from the locale's, and is a real phrase. */
async function englishLeftIn(text: string, locale: string): Promise<string[]> {
  const [en, other] = [await loadCopy('en'), await loadCopy(locale)];
  return en.keys
    .map((key) => ({ key, english: en.text(key), translated: other.text(key) }))
    .filter(({ english, translated }) => english !== translated && english.length > 6 && !english.includes('{{'))
    .filter(({ english }) => new RegExp(`(?<!\\p{L})${escape(normaliseText(english))}(?!\\p{L})`, 'u').test(text))
    .map(({ key, english }) => `${key}: ${english}`);
}

describe('locales', () => {
  it('every built-in locale has every copy key English has, and no other', async () => {
    const reference = [...(await englishKeys())].sort();
    for (const locale of await builtInLocales()) {
      const keys = compileCopy(locale, await readTemplateFiles(builtInTemplatesDir, locale)).keys;
      expect({ locale, keys: [...keys].sort() }).toEqual({ locale, keys: reference });
    }
  });

  it('a Spanish blank set has no English left, and the WOOP and SMART terms in Spanish', async () => {
    const text = await textOf(await blankOnce({ locale: 'es' }));
    expect(await englishLeftIn(text, 'es')).toEqual([]);
    for (const term of ['Deseo', 'Resultado', 'Obstáculo', 'Plan', 'Específica', 'Medible', 'Asignable', 'Relevante', 'Temporal']) {
      expect(text).toContain(term);
    }
    expect(text).toContain('Página 1 de 8');
    expect(text).toContain('Red de identidad profesional');
  });

  it('the Spanish blank set looks as reviewed, page by page (pixel baselines)', async () => {
    await expectPagesMatchBaseline('blank-es-letter', await blankOnce({ locale: 'es' }));
  });

  it('a Spanish filled packet has no English left and writes the date the Spanish way', async () => {
    const parsed = parseAnswers(await readFile('examples/resident-smart.json', 'utf8'), 'resident-smart.json');
    if (!parsed.ok) throw new Error('example invalid');
    const text = await textOf(await renderFilled(parsed.answers, { locale: 'es' }));
    expect(await englishLeftIn(text, 'es')).toEqual([]);
    expect(text).toContain('3 nov 2025');
    expect(text).toMatch(/\d+ de 160 caracteres/);
  });

  it('copy is printed as Handlebars renders it, plain text (not compiled) included', async () => {
    const handlebars = Handlebars.create();
    for (const locale of await builtInLocales()) {
      const copy = await loadCopy(locale);
      let plain = 0;
      for (const file of await readTemplateFiles(builtInTemplatesDir, locale)) {
        const stem = file.name.replace(/\.json$/, '');
        for (const [key, source] of Object.entries(JSON.parse(file.text) as Record<string, string>)) {
          if (source.includes('{{')) continue;
          plain += 1;
          const expected = handlebars.compile(source, { strict: true, noEscape: true, knownHelpersOnly: true })({});
          expect({ key: `${locale}:${stem}.${key}`, text: copy.text(`${stem}.${key}`) }).toEqual({ key: `${locale}:${stem}.${key}`, text: expected });
        }
      }
      expect(plain).toBeGreaterThan(100);
    }
  });

  it('an unknown locale is refused, naming the locales there are', async () => {
    await expect(renderBlank({ locale: 'fr' })).rejects.toThrow(/no templates for locale "fr" \(built in: en, es\)/);
  });
});

describe('template overrides (--templates)', () => {
  async function overrideFolder(name: string, files: Record<string, Record<string, string>>): Promise<string> {
    const root = path.join(dir, name);
    for (const [file, entries] of Object.entries(files)) {
      await mkdir(path.join(root, path.dirname(file)), { recursive: true });
      await writeFile(path.join(root, file), `${JSON.stringify(entries, null, 2)}\n`);
    }
    return root;
  }

  it('a one-file override changes only what it overrides', async () => {
    const templates = await overrideFolder('one-file', { 'en/goals.json': { title: 'My goals for this block' } });
    const [plain, custom] = [await pdfText(await renderBlank()), await pdfText(await renderBlank({ templatesDir: templates }))];
    expect(custom.slice(2)).toEqual(plain.slice(2)); // the network map and social sheets are untouched
    const changed = custom.slice(0, 2).join('\n');
    expect(changed).toContain('My goals for this block');
    expect(changed.replaceAll('My goals for this block', 'Goal sheet')).toBe(plain.slice(0, 2).join('\n'));
  });

  it.each([
    ['a misspelt variable', { 'footer.page': 'Page {{pag}} of {{pages}}' }, /common\.json:3:\d+: "footer\.page": unknown variable "pag"/],
    ['an unknown helper', { 'footer.page': 'Page {{shout page}}' }, /common\.json:3:\d+: "footer\.page": unknown helper "shout"/],
    ['a template that does not parse', { 'footer.page': 'Page {{#if page}} of' }, /common\.json:3:\d+: "footer\.page": Parse error/],
    ['a call of helperMissing', { 'footer.page': 'Page {{helperMissing "x"}}' }, /common\.json:3:\d+: "footer\.page": unknown helper "helperMissing"/],
    ['a call of blockHelperMissing', { 'footer.page': 'Page {{#blockHelperMissing page}}x{{/blockHelperMissing}}' }, /common\.json:3:\d+: "footer\.page": unknown helper "blockHelperMissing"/],
    ['a log helper (it would write to standard output)', { 'footer.page': 'Page {{log page}}' }, /common\.json:3:\d+: "footer\.page": unknown helper "log"/],
    ['a template of 6,000 characters', { 'footer.page': 'x'.repeat(6_000) }, /common\.json:3:\d+: "footer\.page" is 6000 characters long; a template may have at most 5000/],
    ['an unknown copy key', { 'footer.pgae': 'Page {{page}}' }, /common\.json:3:\d+: unknown copy key "footer\.pgae"; did you mean "footer\.page"\?/],
  ])('%s fails with the file, line and name, exit 1, and no PDF', async (_, entries, message) => {
    const templates = await overrideFolder(`bad-${Object.keys(entries)[0]}-${Math.random().toString(36).slice(2)}`, {
      'en/common.json': { product: 'Worksheets', ...entries },
    });
    const result = await runCli(['blank', '--templates', templates, '--out', 'never.pdf'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(dir)).not.toContain('never.pdf');
  });

  it('learner text is never compiled as a template', async () => {
    const text = await textOf(await renderFilled({ learner: { name: '{{product}}' }, goals: { focus: '{{#each x}}{{/each}} {{> partial}}' } }));
    expect(text).toContain('{{product}}');
    expect(text).toContain('{{#each x}}{{/each}} {{> partial}}');
  });
});

describe('branding from the config file', () => {
  async function pngLogo(file: string): Promise<void> {
    const png = new PNG({ width: 60, height: 20 });
    png.data.fill(40);
    await writeFile(file, PNG.sync.write(png));
  }

  async function imagesOnFirstPage(pdf: Uint8Array): Promise<number> {
    const doc = await PDFDocument.load(pdf);
    const resources = doc.getPage(0).node.Resources();
    const xobjects = resources?.lookup(PDFName.of('XObject'), PDFDict);
    return (xobjects?.keys() ?? []).filter((key) => {
      const object = xobjects?.lookup(key);
      return object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image');
    }).length;
  }

  it.each(['png', 'svg'])("prints the institution's name and %s logo on the sheets", async (kind) => {
    const folder = path.join(dir, `brand-${kind}`);
    await mkdir(folder, { recursive: true });
    if (kind === 'png') await pngLogo(path.join(folder, 'logo.png'));
    else await writeFile(path.join(folder, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#702030"/></svg>');
    await writeFile(
      path.join(folder, 'pln-worksheets.config.json'),
      JSON.stringify({ institution: { name: 'Example School of Medicine', logo: `logo.${kind}` }, accentColour: '#702030', paper: 'a4', locale: 'es' }),
    );
    const result = await runCli(['blank', '--sheet', 'goals', '--out', '-'], { cwd: folder });
    expect(result.code).toBe(0);
    const text = await textOf(result.stdout);
    expect(text).toContain('Example School of Medicine');
    expect(text).toContain('Hoja de metas'); // the config's locale
    expect(await imagesOnFirstPage(result.stdout)).toBeGreaterThan(0);
  });

  it('flags win over the config file', async () => {
    const folder = path.join(dir, 'flags-win');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'pln-worksheets.config.json'), JSON.stringify({ paper: 'a4', locale: 'es' }));
    const result = await runCli(['blank', '--sheet', 'goals', '--locale', 'en', '--out', '-'], { cwd: folder });
    expect(await textOf(result.stdout)).toContain('Goal sheet');
  });

  it.each([
    ['a missing logo', { institution: { logo: 'nowhere.png' } }, /institution\.logo: the logo .*nowhere\.png: no such file/],
    ['an accent too light for black-and-white printing', { accentColour: '#ffd400' }, /accentColour: "#ffd400" is too light .*needs at least 4\.5:1/],
    ['an accent colour by name', { accentColour: 'red' }, /accentColour: expected a hex colour, "#rrggbb" or "#rgb" \(like "#1d4e5c"\), found "red"/],
    ['an accent a hair too light', { accentColour: '#777777' }, /accentColour: "#777777" is too light .*contrast 4\.47:1 against white; needs at least 4\.5:1/],
    ['a misspelt setting', { accentColor: '#702030' }, /unknown field `accentColor`.*did you mean `accentColour`/],
    ['a paper size we do not print', { paper: 'legal' }, /paper: expected one of "letter", "a4"/],
  ])('%s in the config file is exit 1 with a located message', async (_, config, message) => {
    const file = path.join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, JSON.stringify(config, null, 2));
    const result = await runCli(['blank', '--config', file, '--out', 'never.pdf'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(await readdir(dir)).not.toContain('never.pdf');
  });

  it('a --config file that does not exist is an error', async () => {
    const result = await runCli(['blank', '--config', 'missing.json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.json: no such file');
  });
});
