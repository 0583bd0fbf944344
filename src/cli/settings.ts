import type { RenderSettings } from '../api.js';
import { loadConfig } from '../config/load.js';
import type { BundleSettings } from '../config/schema.js';
import { parseLocale, parsePaper } from './options.js';

export interface SettingsArgs {
  paper?: string;
  locale?: string;
  templates?: string;
  config?: string;
}

/** Paper, locale, templates and branding: flags first, then the config file, then the defaults. */
export async function resolveSettings(
  args: SettingsArgs,
): Promise<Required<Pick<RenderSettings, 'paper' | 'locale'>> & RenderSettings & { bundle: BundleSettings; configFile?: string }> {
  // Check the flag before reading any file: a wrong command line is exit 2 whatever the config says.
  const flagPaper = args.paper === undefined ? undefined : parsePaper(args.paper);
  const flagLocale = parseLocale(args.locale);
  const config = await loadConfig(args.config);
  return {
    paper: flagPaper ?? config.paper ?? 'letter',
    locale: flagLocale ?? config.locale ?? 'en',
    templatesDir: args.templates ?? config.templatesDir,
    branding: config.branding,
    bundle: config.bundle,
    configFile: config.file,
  };
}
