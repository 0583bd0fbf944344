/**
 * The built-in templates ship precompiled (src/copy/precompiled-templates.ts) so that a cold
 * `fill` does not run Handlebars' compiler; a template not among them is compiled when loaded.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { COMPILE_OPTIONS, compileCopy, readTemplateEntries } from '../src/copy/copy.js';
import { builtInTemplateFiles } from '../src/copy/load.js';
import { precompiledModule } from '../src/copy/precompile.js';
import { PRECOMPILED } from '../src/copy/precompiled-templates.js';
import { SAMPLE_VARIABLES } from '../src/copy/variables.js';

describe('precompiled built-in templates', () => {
  it('are those of templates/ as they are now (else run `npm run templates:precompile`)', async () => {
    const generated = precompiledModule(await builtInTemplateFiles());
    expect(readFileSync(new URL('../src/copy/precompiled-templates.ts', import.meta.url), 'utf8')).toBe(generated);
  });

  it('cover every built-in template with a mustache, in every locale', async () => {
    const sources = (await builtInTemplateFiles()).flatMap((file) => readTemplateEntries(file).map((entry) => entry.source)).filter((source) => source.includes('{{'));
    expect(sources.length).toBeGreaterThan(5);
    expect(sources.filter((source) => !PRECOMPILED.has(source))).toEqual([]);
  });

  it('render what compiling the same text renders, with and without the variables they use', () => {
    const handlebars = Handlebars.create();
    const contexts = [SAMPLE_VARIABLES, { ...SAMPLE_VARIABLES, institution: { name: '' } }, { ...SAMPLE_VARIABLES, count: 0, page: 12, pages: 12 }];
    for (const [source, spec] of PRECOMPILED) {
      const compiled = handlebars.compile(source, COMPILE_OPTIONS);
      const precompiled = handlebars.template(spec);
      for (const context of contexts) expect(precompiled(context), source).toBe(compiled(context));
    }
  });

  it('leave a template they do not hold to be compiled, and its mistakes reported, as before', () => {
    const file = { name: 'common.json', path: 'override/common.json', text: '{"greeting": "Hello {{learner.name}}", "typo": "{{learnr}}"}' };
    expect(() => compileCopy('en', [file])).toThrow(/override\/common\.json:1:\d+: "typo": unknown variable "learnr"/);
    const copy = compileCopy('en', [{ ...file, text: '{"greeting": "Hello {{learner.name}}"}' }]);
    expect(copy.text('common.greeting', { learner: { name: 'Aisha' } })).toBe('Hello Aisha');
  });
});
