/**
 * Compares what two PDFs draw, object by object, allowing numbers to differ by a tolerance: for
 * renderer shortcuts whose boxes may differ from the full computation's in the last bit of a
 * float (a millionth of a point), where a byte comparison is too strict to say anything.
 */
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

const TOKEN = /-?(?:\d+\.?\d*|\.\d+)|[^\s\d.-]+|[.-]/g;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)$/;

/** Each indirect object as text, streams decoded; a stream's /Length is left out (it follows the text). */
async function objectTexts(pdf: Uint8Array): Promise<Map<string, { text: string; binary: boolean }>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const objects = new Map<string, { text: string; binary: boolean }>();
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream) {
      const flate = object.dict.get(PDFName.of('Filter'))?.toString() === '/FlateDecode';
      const data = flate ? inflateSync(object.contents) : Buffer.from(object.contents);
      const dict = object.dict.clone();
      dict.delete(PDFName.of('Length'));
      const binary = data.some((byte) => byte > 0x7e || (byte < 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09));
      objects.set(ref.toString(), { text: `${dict.toString()}\nstream\n${data.toString('latin1')}`, binary });
    } else {
      objects.set(ref.toString(), { text: object.toString(), binary: false });
    }
  }
  return objects;
}

const MOVE = /1 0 0 1 (-?[\d.]+) (-?[\d.]+) cm\s/g;

/** Content without translations by less than `tolerance` (a renderer writes none for a zero offset). */
function withoutNegligibleMoves(text: string, tolerance: number): string {
  return text.replace(MOVE, (move, x: string, y: string) => (Math.abs(Number(x)) <= tolerance && Math.abs(Number(y)) <= tolerance ? '' : move));
}

/**
 * The places where `a` and `b` draw differently: objects missing on one side, text that differs,
 * numbers further apart than `tolerance`, binary streams (fonts) that differ at all. Empty when
 * they draw the same.
 */
export async function drawingDifferences(a: Uint8Array, b: Uint8Array, tolerance: number): Promise<string[]> {
  const [left, right] = await Promise.all([objectTexts(a), objectTexts(b)]);
  const differences: string[] = [];
  for (const ref of new Set([...left.keys(), ...right.keys()])) {
    const x = left.get(ref);
    const y = right.get(ref);
    if (!x || !y) {
      differences.push(`object ${ref} only in ${x ? 'the first' : 'the second'}`);
      continue;
    }
    if (x.text === y.text) continue;
    if (x.binary || y.binary) {
      differences.push(`object ${ref}: binary stream differs`);
      continue;
    }
    const xs = withoutNegligibleMoves(x.text, tolerance).match(TOKEN) ?? [];
    const ys = withoutNegligibleMoves(y.text, tolerance).match(TOKEN) ?? [];
    if (xs.length !== ys.length) {
      differences.push(`object ${ref}: ${xs.length} tokens vs ${ys.length}`);
      continue;
    }
    for (let i = 0; i < xs.length; i++) {
      const [p, q] = [xs[i]!, ys[i]!];
      if (p === q) continue;
      if (NUMBER.test(p) && NUMBER.test(q) && Math.abs(Number(p) - Number(q)) <= tolerance) continue;
      differences.push(`object ${ref}, token ${i}: ${p} vs ${q}`);
      break;
    }
  }
  return differences;
}
