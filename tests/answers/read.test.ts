import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS, formatProblem, loadAnswersFile, parseAnswersBytes } from '../../src/answers/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pln-answers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const problemOf = async (path: string) => {
  const result = await loadAnswersFile(path);
  if (result.ok) expect.fail('expected a problem');
  expect(result.problems).toHaveLength(1);
  return result.problems[0]!;
};

describe('loadAnswersFile: reading from disk', () => {
  it('loads a valid file', async () => {
    const path = file('ok.json', '{"learner": {"name": "Zoë"}}\n');
    expect(await loadAnswersFile(path)).toEqual({ ok: true, answers: { learner: { name: 'Zoë' } } });
  });

  it('reports problems with the path as given', async () => {
    const path = file('bad.json', '{"learner": {}}');
    const p = await problemOf(path);
    expect(formatProblem(p)).toBe(`${path}:1:13: learner.name: missing required field \`name\` in learner`);
  });

  it('a missing file is a problem without a position, not an exception', async () => {
    const path = join(dir, 'nope.json');
    expect(await problemOf(path)).toEqual({ file: path, line: 0, column: 0, path: '', message: 'no such file' });
  });

  it('a directory is refused', async () => {
    expect((await problemOf(dir)).message).toBe('is a directory, not an answers file');
  });

  it('a path through a file is refused', async () => {
    const path = file('plain.json', '{}');
    expect((await problemOf(join(path, 'x.json'))).message).toBe('a part of this path is not a directory');
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file is refused', async () => {
    const path = file('secret.json', '{"learner": {"name": "A"}}');
    chmodSync(path, 0o000);
    expect((await problemOf(path)).message).toBe('cannot read the file: permission denied');
  });

  it('a file over the size limit is refused before it is parsed', async () => {
    const path = file('big.json', new Uint8Array(LIMITS.fileBytes + 1).fill(0x20));
    expect((await problemOf(path)).message).toBe('the file is 1,048,577 bytes; the limit is 1,048,576 bytes (1 MiB)');
  });

  it('strips a UTF-8 byte order mark, keeping columns as editors show them', async () => {
    const path = file('bom.json', '\uFEFF{"learner": {"name": 1}}');
    expect(await problemOf(path)).toMatchObject({ line: 1, column: 22, path: 'learner.name' });
  });
});

describe('parseAnswersBytes: strict UTF-8', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

  it('refuses invalid UTF-8 and locates the bad byte', () => {
    // "Zo\xEB": Latin-1 ë, a common mistake when a file is saved in the wrong encoding.
    const result = parseAnswersBytes(bytes('{\n  "learner": {"name": "Zo', [0xeb], '"}}'), 'latin1.json');
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: 'latin1.json',
          line: 2,
          column: 26,
          path: '',
          message: 'the file is not valid UTF-8 (byte 0xEB at byte offset 27); save it as UTF-8',
          expected: 'UTF-8 text',
          found: 'byte 0xEB',
        },
      ],
    });
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
  ])('refuses %s', (_what, bad) => {
    const result = parseAnswersBytes(bytes('{"learner": {"name": "', bad, '"}}'), 'a.json');
    expect(!result.ok && result.problems[0]?.message).toMatch(/^the file is not valid UTF-8/);
  });

  it('explains a UTF-16 file', () => {
    const result = parseAnswersBytes(Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), 'u16.json');
    expect(!result.ok && result.problems[0]?.message).toMatch(/^the file is saved as UTF-16; save it as UTF-8/);
  });

  it('accepts 4-byte characters', () => {
    const result = parseAnswersBytes(bytes('{"learner": {"name": "𝒜na 😀"}}'), 'a.json');
    expect(result.ok && result.answers.learner.name).toBe('𝒜na 😀');
  });
});

describe('UTF-8 checking', () => {
  it("Node's check of a whole file and the scan that locates a bad byte agree on every byte string", async () => {
    const { isUtf8 } = await import('node:buffer');
    const { firstInvalidUtf8 } = await import('../../src/answers/decode.js');
    const fc = (await import('fast-check')).default;
    const agree = (bytes: Uint8Array) => isUtf8(bytes) === (firstInvalidUtf8(bytes) === -1);
    // Random bytes (mostly invalid), and valid text with one byte changed (mostly nearly valid).
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), agree), { numRuns: 5000 });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 32 }), fc.nat(), fc.integer({ min: 0, max: 255 }), (text, at, byte) => {
        const bytes = new TextEncoder().encode(text);
        if (bytes.length > 0) bytes[at % bytes.length] = byte;
        return agree(bytes);
      }),
      { numRuns: 5000 },
    );
    // The edges: overlongs, surrogates, beyond U+10FFFF, truncated sequences.
    for (const bytes of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80]]) {
      expect(agree(new Uint8Array(bytes)), bytes.join(',')).toBe(true);
    }
  });
});
