import { REFERENCE_KEYS, TEMPLATE_FILES } from 'pln-site:copy';
import { compileCopy, TemplateError, type Copy } from '../../copy/copy.js';

/**
 * The web app's src/copy/load.ts: the copy compiled from the template files the build read
 * (templates/ and any override folder), so form and PDF print the same words.
 */
export async function loadCopy(locale = 'en'): Promise<Copy> {
  const files = TEMPLATE_FILES[locale];
  if (!files) throw new TemplateError(`templates/${locale}`, 0, 0, `no templates for locale "${locale}" in this site`);
  return compileCopy(locale, files, { referenceKeys: REFERENCE_KEYS });
}
