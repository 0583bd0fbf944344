import * as z from 'zod';
import { PAPERS } from '../pdf/paper.js';
import { SHEET_IDS } from '../worksheets/model.js';
import { contrastWithWhite, MIN_ACCENT_CONTRAST } from './colour.js';

/** #rgb or #rrggbb. */
const HEX_COLOUR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** Rounded down, to the hundredth: a contrast just short of the minimum never reads as the minimum. */
function contrastShown(contrast: number): string {
  return (Math.floor(contrast * 100) / 100).toFixed(2);
}

/** Defaults for `bundle` (flags of the same names win). */
export const BundleSettingsSchema = z
  .strictObject({
    title: z.string().max(300).optional().meta({ description: 'Title page, e.g. "Appendix C: Personal learning network worksheets".' }),
    subtitle: z.string().max(300).optional(),
    institution: z.string().max(120).optional().meta({ description: 'On the title page; default: institution.name.' }),
    pagePrefix: z.string().max(20).optional().meta({ description: 'Page labels for a book: "C-" gives C-1, C-2…' }),
    startPage: z.number().int().min(1).optional(),
    duplex: z.boolean().optional(),
    frontMatter: z.boolean().optional(),
    sheets: z.array(z.enum([...SHEET_IDS, 'all'])).optional(),
    paper: z.enum(PAPERS).optional(),
    out: z.string().optional().meta({ description: 'Output file, relative to the config file.' }),
  })
  .meta({ title: 'bundle defaults' });

export type BundleSettings = z.infer<typeof BundleSettingsSchema>;

/**
 * The config file (`pln-worksheets.config.json`, or `--config FILE`): a school's defaults and
 * branding. Paths are relative to the config file's folder. Flags on the command line win.
 */
export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    institution: z
      .strictObject({
        name: z.string().max(120).optional().meta({ description: 'Printed on every sheet, e.g. "Example School of Medicine".' }),
        logo: z.string().optional().meta({ description: 'A PNG, JPEG or SVG file, printed at the top of each sheet.' }),
      })
      .optional(),
    accentColour: z
      .string()
      .superRefine((colour, ctx) => {
        if (!HEX_COLOUR.test(colour)) {
          ctx.addIssue({ code: 'custom', input: colour, message: `expected a hex colour, "#rrggbb" or "#rgb" (like "#1d4e5c"), found "${colour}"` });
          return;
        }
        const contrast = contrastWithWhite(colour);
        if (contrast >= MIN_ACCENT_CONTRAST) return;
        ctx.addIssue({
          code: 'custom',
          input: colour,
          message: `"${colour}" is too light to read when printed in black and white (contrast ${contrastShown(contrast)}:1 against white; needs at least ${MIN_ACCENT_CONTRAST}:1); choose a darker colour`,
        });
      })
      .optional()
      .meta({ description: 'Colour of headings and section numbers; must be dark enough to print in black and white.' }),
    paper: z.enum(PAPERS).optional(),
    locale: z.string().optional().meta({ description: 'Language of the sheets, a folder of templates/: en, es…' }),
    templates: z.string().optional().meta({ description: 'An override folder with the layout of templates/.' }),
    bundle: BundleSettingsSchema.optional(),
  })
  .meta({ title: 'pln-worksheets config' });

export type Config = z.infer<typeof ConfigSchema>;

export const CONFIG_FILE_NAME = 'pln-worksheets.config.json';
