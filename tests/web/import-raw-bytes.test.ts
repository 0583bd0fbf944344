/**
 * import's raw-byte reading in the page (src/web/seams/import-raw-bytes.ts, fflate and
 * TextDecoder) answers as the command line's (src/import/raw-bytes.ts, Node's Buffer and zlib), so
 * the prescan refuses and passes the same PDFs in both.
 */
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as node from '../../src/import/raw-bytes.js';
import { firstDifference } from '../support/bytes.js';
import * as web from '../../src/web/seams/import-raw-bytes.js';

const text = Buffer.from('BT /F1 12 Tf (Point-of-care ultrasound) Tj ET\n'.repeat(2000));
const stream = new Uint8Array(deflateSync(text));

describe('import raw bytes in the page and in Node', () => {
  it('inflates a whole stream to the same bytes', () => {
    for (const inflated of [web.inflateWithin(stream, 1 << 20), node.inflateWithin(stream, 1 << 20)]) {
      expect(inflated).toBeInstanceOf(Uint8Array);
      expect(firstDifference(inflated as Uint8Array, text)).toBeUndefined();
    }
  });

  it('inflates a stream cut short as far as it goes, as zlib with a sync flush does', () => {
    const cut = stream.subarray(0, Math.floor(stream.length / 2));
    const ours = web.inflateWithin(cut, 1 << 20);
    const theirs = node.inflateWithin(cut, 1 << 20);
    expect(theirs).toBeInstanceOf(Uint8Array);
    expect((theirs as Uint8Array).length).toBeGreaterThan(0);
    // What was inflated is the start of the text; fflate may hold back a few bytes less or more.
    for (const inflated of [ours, theirs] as Uint8Array[]) expect(Buffer.from(inflated).equals(text.subarray(0, inflated.length))).toBe(true);
    expect(Math.abs((ours as Uint8Array).length - (theirs as Uint8Array).length)).toBeLessThan(64 * 1024);
  });

  it('says "too large" past the limit, before inflating it all', () => {
    const bomb = new Uint8Array(deflateSync(Buffer.alloc(20 * 1024 * 1024, 0x20), { level: 9 }));
    expect(node.inflateWithin(bomb, 16 * 1024 * 1024)).toBe('too large');
    expect(web.inflateWithin(bomb, 16 * 1024 * 1024)).toBe('too large');
    expect(web.inflateWithin(stream, text.length - 1)).toBe('too large');
    const whole = web.inflateWithin(stream, text.length);
    expect(whole).toBeInstanceOf(Uint8Array);
    expect(firstDifference(whole as Uint8Array, text)).toBeUndefined();
  });

  it('answers undefined for data that is not zlib', () => {
    const noise = new Uint8Array(randomBytes(4096));
    noise[0] = 0xff; // never a zlib header
    expect(node.inflateWithin(noise, 1 << 20)).toBeUndefined();
    expect(web.inflateWithin(noise, 1 << 20)).toBeUndefined();
  });

  it('reads bytes as text one character per byte, the same on ASCII', () => {
    const all = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    expect(web.byteText(all)).toHaveLength(256);
    expect(web.byteText(all.subarray(0, 128))).toBe(node.byteText(all.subarray(0, 128)));
    expect(web.byteText(new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF')))).toBe('%PDF-1.7\n%%EOF');
  });
});
