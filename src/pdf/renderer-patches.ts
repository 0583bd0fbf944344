/**
 * The patches to React-PDF that keep a learner's text as written (docs/patches.md): the layout's
 * `minHeight` fix (without it, rows after a cut frame can vanish) and the render's shared-glyph
 * fix (without it, U+58FF copies as U+58AB). Each patched module marks itself as it loads. When
 * npm skipped the package's install script (`--ignore-scripts`, or an npm that asks before running
 * it), the modules are as React-PDF ships them: rendering then stops with a way out, rather than
 * print text that is not what the learner wrote.
 */

/** The mark each patched module adds its name to. */
const MARK = Symbol.for('pln-worksheets.patches');

/** The patched modules that keep the learner's text intact. */
export const TEXT_PATCHES = ['@react-pdf/layout', '@react-pdf/render'] as const;

/** The text-keeping patches not loaded in this realm (none once React-PDF's modules are loaded patched). */
export function missingTextPatches(scope: object = globalThis): string[] {
  const marked = (scope as { [MARK]?: Set<string> })[MARK];
  return TEXT_PATCHES.filter((name) => !marked?.has(name));
}

/** Throws when React-PDF was loaded without the patches that keep the learner's text intact. */
export function assertTextPatches(scope: object = globalThis): void {
  const missing = missingTextPatches(scope);
  if (missing.length === 0) return;
  throw new Error(
    `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} installed without pln-worksheets' fixes, ` +
      'which keep what a learner wrote exactly as written (npm skipped the package\'s install script). ' +
      'Run "npm rebuild pln-worksheets" where it is installed (add -g for a global install), then try again.',
  );
}
