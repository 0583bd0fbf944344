/**
 * `import` of hostile PDFs: field names that would reach an object's prototype or a huge list
 * index, a flate bomb, an encrypted file, values far past the length limit. Each is refused with a
 * message naming what is wrong, in a child process, each within 10 s of CPU and 500 MB.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, deflateRawSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAnswers } from '../src/api.js';
import { fieldPath } from '../src/import/paths.js';
import { blankOnce } from './support/rendered.js';

const IMPORT_MODULE = fileURLToPath(new URL('../dist/import/index.js', import.meta.url));
let dir: string;
let blank: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pln-import-hostile-'));
  blank = await blankOnce({ fillable: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A blank form with the learner's name typed in and `change` applied. */
async function form(change: (doc: PDFDocument) => void, save: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.load(blank);
  doc.getForm().getTextField('learner.name').setText('Ana Lima');
  change(doc);
  return doc.save({ updateFieldAppearances: false, ...save });
}

function withTextField(name: string, value: string) {
  return (doc: PDFDocument) => {
    const field = doc.getForm().createTextField(name);
    field.addToPage(doc.getPage(0), { x: 10, y: 10, width: 20, height: 10 });
    field.setText(value);
  };
}

/**
 * A zlib stream of `head` and then spaces, `mebibytes` in all: one compressed 16 MiB block (ended
 * by a full flush, so that copies join) repeated, with the Adler-32 of the whole worked out, not
 * summed. Compressing a gibibyte takes seconds; this takes a fraction of one.
 */
function flateBomb(head: Buffer, mebibytes: number): Buffer {
  const block = 16 * 1024 ** 2;
  const flush = { level: 9, finishFlush: constants.Z_FULL_FLUSH };
  const first = deflateRawSync(Buffer.concat([head, Buffer.alloc(block - head.length, 0x20)]), flush);
  const rest = deflateRawSync(Buffer.alloc(block, 0x20), flush);
  // Adler-32 after `count` copies of `byte`: a grows by count × byte, b by each a along the way.
  const run = ({ a, b }: { a: bigint; b: bigint }, byte: number, count: number) => {
    const [k, c] = [BigInt(count), BigInt(byte)];
    return { a: (a + k * c) % 65521n, b: (b + k * a + (c * k * (k + 1n)) / 2n) % 65521n };
  };
  let sum = { a: 1n, b: 0n };
  for (const byte of head) sum = run(sum, byte, 1);
  sum = run(sum, 0x20, mebibytes * 1024 ** 2 - head.length);
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((sum.b << 16n) | sum.a));
  // zlib header, the blocks, an empty final block, the checksum.
  return Buffer.concat([Buffer.from([0x78, 0xda]), first, ...Array<Buffer>(mebibytes / 16 - 1).fill(rest), Buffer.from([0x03, 0x00]), adler]);
}

interface ChildImport {
  message: string;
  cpuSeconds: number;
  peakMB: number;
}

/**
 * Imports each PDF in turn in one fresh Node process; returns each one's message, the CPU time it
 * took, and the process's peak memory once it was done (a peak so far: never less than its own).
 */
async function importInChild(files: readonly string[]): Promise<ChildImport[]> {
  const script = `
    const { readFileSync } = await import('node:fs');
    const { importAnswers } = await import(${JSON.stringify(IMPORT_MODULE)});
    const results = [];
    for (const file of ${JSON.stringify(files)}) {
      const before = process.cpuUsage();
      let message = 'imported';
      try { await importAnswers(readFileSync(file), 'x.pdf'); } catch (error) { message = error.message; }
      const cpu = process.cpuUsage(before);
      // Linux keeps getrusage's maxRSS across exec (the parent test process's peak); VmHWM is this process's own.
      const peakKB = Number(/VmHWM:\\s*(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
      results.push({ message, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakMB: peakKB / 1024 });
    }
    console.log(JSON.stringify(results));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as ChildImport[]) : reject(new Error(`child exited ${code}: ${err.slice(0, 500)}`))));
  });
}

describe('field names come from the answers schema', () => {
  it('accepts the answers paths, refuses prototype names and indexes past the list limits', () => {
    expect(fieldPath('network.contacts[199].name')).toEqual({ ok: true, keys: ['network', 'contacts', 199, 'name'] });
    expect(fieldPath('goals.priorities[19]').ok).toBe(true);
    for (const name of ['__proto__.x', 'goals.__proto__.x', 'constructor.prototype.x', 'goals.constructor', 'toString', 'learner.name.length', 'version', 'goals', 'goals.priorities']) {
      expect(fieldPath(name).ok, name).toBe(false);
    }
    expect(fieldPath('goals.priorities[20]')).toEqual({ ok: false, reason: 'is row 21 of goals.priorities, which holds at most 20' });
    expect(fieldPath('goals.priorities[999999999]').ok).toBe(false);
  });
});

describe('hostile PDFs are refused within 10 s of CPU and 500 MB', () => {
  const cases: [string, () => Promise<Uint8Array>, RegExp][] = [
    ['a field named __proto__.polluted', () => form(withTextField('__proto__.polluted', 'x')), /form field "__proto__\.polluted": is not an answers path/],
    ['a field named goals.__proto__.polluted', () => form(withTextField('goals.__proto__.polluted', 'x')), /form field "goals\.__proto__\.polluted"/],
    ['a field named constructor.prototype.polluted', () => form(withTextField('constructor.prototype.polluted', 'x')), /form field "constructor\.prototype\.polluted": is not a question on the worksheets/],
    ['a field at goals.priorities[999999999]', () => form(withTextField('goals.priorities[999999999]', 'x')), /form field "goals\.priorities\[999999999\]"/],
    ['a field at goals.priorities[25]', () => form(withTextField('goals.priorities[25]', 'x')), /row 26 of goals\.priorities, which holds at most 20/],
    [
      'an object stream that inflates to 1 GiB',
      () =>
        form((doc) => {
          const data = flateBomb(Buffer.from('999 0 '), 1024);
          const stream = PDFRawStream.of(doc.context.obj({ Type: 'ObjStm', N: 1, First: 6, Filter: 'FlateDecode', Length: data.length }), data);
          doc.catalog.set(PDFName.of('Bomb'), doc.context.register(stream));
        }),
      /compressed data that expands past 16 MiB in one stream/,
    ],
    [
      'an encrypted PDF',
      () =>
        form((doc) => {
          const encrypt = doc.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -4, O: PDFString.of('o'.repeat(32)), U: PDFString.of('u'.repeat(32)) });
          doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
        }),
      /the PDF is encrypted .*save it, and import the saved copy/,
    ],
    ['a 200,000-character value', () => form((doc) => doc.getForm().getTextField('goals.focus').setText('a'.repeat(200_000))), /a text of 800,00\d characters, far longer than any answer/],
    [
      'a 40 MB value in a literal string',
      () => form((doc) => doc.getForm().getTextField('goals.focus').acroField.dict.set(PDFName.of('V'), PDFString.of('a'.repeat(40_000_000))), { useObjectStreams: false }),
      /a text of 40,000,002 characters/,
    ],
    [
      'a 40 MB value in an object stream',
      () => form((doc) => doc.getForm().getTextField('goals.focus').acroField.dict.set(PDFName.of('V'), PDFString.of('a'.repeat(40_000_000)))),
      /expands past 16 MiB in one stream/,
    ],
  ];
  // One child process for them all: a Node start and the import modules' load once, not per PDF.
  let results: ChildImport[];
  beforeAll(async () => {
    const files: string[] = [];
    for (const [name, make] of cases) {
      files.push(path.join(dir, `${name.replace(/\W+/g, '-')}.pdf`));
      await writeFile(files.at(-1)!, await make());
    }
    results = await importInChild(files);
  });

  it.each(cases.map((each, index) => [...each, index] as const))('%s', (_name, _make, message, index) => {
    const result = results[index]!;
    expect(result.message).toMatch(/^x\.pdf: /);
    expect(result.message).toMatch(message);
    expect(result.cpuSeconds).toBeLessThan(10);
    expect(result.peakMB).toBeLessThan(500);
  });
});

describe('prototype names', () => {
  it('leave Object.prototype untouched, and a later valid import still works', async () => {
    for (const name of ['__proto__.polluted', 'goals.__proto__.polluted', 'constructor.prototype.polluted']) {
      await expect(importAnswers(await form(withTextField(name, 'x')), 'x.pdf')).rejects.toThrow(/import reads only the worksheets' own fields/);
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((await importAnswers(await form(() => undefined))).learner.name).toBe('Ana Lima');
  });
});
