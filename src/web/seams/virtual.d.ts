/** Modules the site build (src/scripts/build-site.ts) writes while bundling. */
declare module 'pln-site:copy' {
  import type { TemplateFile } from '../../copy/copy.js';
  /** Per locale, the template files loadCopy would compile at build time. */
  export const TEMPLATE_FILES: Record<string, TemplateFile[]>;
  /** The reference locale's copy keys. */
  export const REFERENCE_KEYS: string[];
  export const LOCALES: string[];
}
declare module 'pln-site:coverage' {
  /** Per font file (package path), the code points it draws as [first, last] pairs, flattened. */
  export const COVERAGE: Record<string, number[]>;
  /** Per family that loads on demand, its classic script (relative URL) and the faces it defines. */
  export const LAZY_FONTS: Record<string, { script: string; files: string[] }>;
}
declare module 'pln-site:base-fonts' {
  /** The base family's faces, raw DEFLATE then base64 (src/web/deflated-fonts.ts), by package path. */
  export const BASE_FONTS_DEFLATED: Record<string, string>;
}
declare module 'pln-site:version' {
  export const productVersion: string;
}
declare module 'pln-site:precompiled' {
  import type { TemplateSpecification } from 'handlebars';
  export const PRECOMPILED: Map<string, TemplateSpecification>;
}
declare module 'fontkit' {
  /** fontkit's browser build: a font from its bytes. */
  export function create(bytes: Uint8Array): unknown;
}
declare module 'pln-site:pdf-lib' {
  /** Fills the stand-in's bindings (every pdf-lib export) from pdf-lib's loaded browser build. */
  export function installPdfLib(lib: Record<string, unknown>): void;
}
