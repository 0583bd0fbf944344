/**
 * `npm run templates:precompile`: writes src/copy/precompiled-templates.ts from the built-in
 * templates of every locale (run it after editing templates/; a test says when it is due).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { builtInTemplateFiles } from '../copy/load.js';
import { precompiledModule } from '../copy/precompile.js';

const target = fileURLToPath(new URL('../../src/copy/precompiled-templates.ts', import.meta.url));
await writeFile(target, precompiledModule(await builtInTemplateFiles()));
process.stdout.write(`${target}\n`);
