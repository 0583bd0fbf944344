/** The I/O edge of the config file: find it, read it, resolve its paths, read the logo. */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem, loadJsonDocument, type Problem } from '../answers/index.js';
import type { Branding } from '../pdf/branding.js';
import type { Paper } from '../pdf/paper.js';
import { BASE_FAMILY, bundledFamily, regularFace } from '../pdf/unicode/index.js';
import { LogoFileProblem, readLogoFile } from './logo-file.js';
import { decodeLogo, LogoProblem, type LogoImage } from './logo-image.js';
import { CONFIG_FILE_NAME, ConfigSchema, type BundleSettings, type Config } from './schema.js';

/** A config file problem: every line located (file, and where known line, column and field). */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  /** The file the settings came from, if any. */
  file?: string;
  paper?: Paper;
  locale?: string;
  templatesDir?: string;
  branding: Branding;
  /** Defaults for `bundle`, `out` resolved against the config file's folder. */
  bundle: BundleSettings;
}

const SPEC = { schema: ConfigSchema, kind: 'a config file', example: '{"institution": {"name": "..."}}', versioned: false };

/**
 * The settings of `--config FILE`, or of pln-worksheets.config.json in `cwd` when there is one,
 * or none. A named file that is missing is an error; so is anything invalid in the file.
 */
export async function loadConfig(explicit: string | undefined, cwd = process.cwd()): Promise<LoadedConfig> {
  const file = explicit ?? path.join(cwd, CONFIG_FILE_NAME);
  if (!explicit && !(await exists(file))) return { branding: {}, bundle: {} };
  const shown = path.relative(cwd, file) || file;
  const result = await loadJsonDocument(file, SPEC);
  if (!result.ok) throw new ConfigError(result.problems.map((problem) => formatProblem({ ...problem, file: shown })));
  const config: Config = result.value;
  const dir = path.dirname(path.resolve(cwd, file));
  return {
    file: shown,
    paper: config.paper,
    locale: config.locale,
    templatesDir: config.templates ? path.resolve(dir, config.templates) : undefined,
    bundle: { ...config.bundle, ...(config.bundle?.out ? { out: path.relative(cwd, path.resolve(dir, config.bundle.out)) } : {}) },
    branding: {
      accent: config.accentColour,
      institution: config.institution
        ? {
            name: config.institution.name,
            logo: config.institution.logo ? await readLogo(path.resolve(dir, config.institution.logo), shown) : undefined,
          }
        : undefined,
    },
  };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

const problem = (file: string, message: string): Problem => ({ file, line: 0, column: 0, path: 'institution.logo', message });

/** A logo file as PNG or JPEG bytes, checked; an SVG is rasterised (deterministically, with our own fonts). */
async function readLogo(logo: string, configFile: string): Promise<LogoImage> {
  try {
    return decodeLogo(await readLogoFile(logo), regularFace(bundledFamily(BASE_FAMILY)!).src);
  } catch (error) {
    if (!(error instanceof LogoFileProblem || error instanceof LogoProblem)) throw error;
    const separator = /^(is|changed|refers) /.test(error.message) ? ' ' : ': ';
    throw new ConfigError([formatProblem(problem(configFile, `the logo ${logo}${separator}${error.message}`))]);
  }
}
