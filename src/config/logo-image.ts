/**
 * A logo's bytes checked before anything prints them: a PNG or JPEG must decode in full (the
 * renderer would otherwise drop a damaged one with decoder noise and exit 0), and an SVG may
 * not reach outside itself (resvg opens any file an `href` names) nor have a size that resvg
 * cannot scale (it aborts the process). Pure: bytes in, bytes out or a reason thrown.
 */
import { createRequire } from 'node:module';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { SaxesParser } from 'saxes';

export interface LogoImage {
  data: Buffer;
  format: 'png' | 'jpg';
}

/** Why a logo cannot be used, in words for the message after "the logo FILE". */
export class LogoProblem extends Error {}

/** A print logo is at most a few inches wide: this is far past any real one, and bounds decoding memory. */
export const MAX_LOGO_PIXELS = { side: 8000, total: 40_000_000 };
/** Widest (or tallest) shape an SVG logo may have: beyond it the rasterised strip is unprintable anyway. */
export const MAX_SVG_ASPECT = 20;
/** Height an SVG logo is rasterised to: sharp at 300 dpi in the 44 pt logo box. */
const SVG_RASTER_HEIGHT = 240;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodeLogo(data: Buffer, fontFile: string): LogoImage {
  if (data.subarray(0, 8).equals(PNG_SIGNATURE)) return { data: checkedPng(data), format: 'png' };
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return { data: checkedJpeg(data), format: 'jpg' };
  const head = data.subarray(0, 2048).toString('utf8');
  if (/<svg[\s>]/i.test(head)) return { data: rasteriseSvg(data, fontFile), format: 'png' };
  throw new LogoProblem('is not a PNG, JPEG or SVG image');
}

function checkPixels(width: number, height: number): void {
  if (width > MAX_LOGO_PIXELS.side || height > MAX_LOGO_PIXELS.side || width * height > MAX_LOGO_PIXELS.total) {
    throw new LogoProblem(`is ${width} × ${height} pixels; a logo may be at most ${MAX_LOGO_PIXELS.side} pixels a side`);
  }
}

function checkedPng(data: Buffer): Buffer {
  // IHDR is the first chunk: its size is known before any pixel is inflated.
  if (data.length >= 24 && data.toString('latin1', 12, 16) === 'IHDR') checkPixels(data.readUInt32BE(16), data.readUInt32BE(20));
  try {
    PNG.sync.read(data);
  } catch (error) {
    throw new LogoProblem(`is a damaged PNG image (${reasonOf(error)})`);
  }
  return data;
}

function checkedJpeg(data: Buffer): Buffer {
  let decoded: { width: number; height: number };
  try {
    decoded = jpeg.decode(data, { useTArray: true, maxResolutionInMP: MAX_LOGO_PIXELS.total / 1e6, maxMemoryUsageInMB: 512 });
  } catch (error) {
    throw new LogoProblem(`is a damaged JPEG image (${reasonOf(error)})`);
  }
  checkPixels(decoded.width, decoded.height);
  return data;
}

/** Images may be embedded as PNG or JPEG data; an embedded SVG would be parsed with file access again. */
const EMBEDDED_IMAGE = /^\s*data:image\/(png|jpeg|jpg|gif|webp)[;,]/i;

/**
 * Every `href` (any namespace) of the SVG, which must point inside the document or be an
 * embedded raster image. A strict XML parser: an entity it cannot expand is refused, so an
 * entity cannot hide a path from this check.
 */
function checkSelfContained(svg: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let outside: string | undefined;
  parser.on('opentag', (tag) => {
    for (const attribute of Object.values(tag.attributes)) {
      const { local, value } = attribute as { local: string; value: string };
      if (local === 'href' && !value.trim().startsWith('#') && !EMBEDDED_IMAGE.test(value)) outside ??= value;
    }
  });
  try {
    parser.write(svg).close();
  } catch (error) {
    throw new LogoProblem(`is not a valid SVG image (${reasonOf(error)})`);
  }
  if (outside !== undefined) {
    const shown = outside.length > 80 ? `${outside.slice(0, 80)}…` : outside;
    throw new LogoProblem(`refers to another file or address ("${shown}"); a logo must be self-contained: embed images as data: URLs, or use a PNG or JPEG logo`);
  }
}

const require = createRequire(import.meta.url);

function rasteriseSvg(svg: Buffer, fontFile: string): Buffer {
  checkSelfContained(svg.toString('utf8'));
  // Loaded only for SVG logos: a native module, kept off the common path.
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  // Our fonts only: a logo prints the same on every machine.
  const font = { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: 'Noto Sans' };
  try {
    // Measured unscaled first: resvg aborts the process when a scaled size overflows.
    const { width, height } = new Resvg(svg, { font });
    if (!(width > 0 && height > 0 && width / height <= MAX_SVG_ASPECT && height / width <= MAX_SVG_ASPECT)) {
      throw new LogoProblem(`is ${width} × ${height}: a logo may be at most ${MAX_SVG_ASPECT} times as wide as it is tall, or as tall as it is wide`);
    }
    return Buffer.from(new Resvg(svg, { fitTo: { mode: 'height', value: SVG_RASTER_HEIGHT }, font }).render().asPng());
  } catch (error) {
    if (error instanceof LogoProblem) throw error;
    throw new LogoProblem(`is not a valid SVG image (${reasonOf(error)})`);
  }
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
