/**
 * parseAnswers: answers-file text → validated Answers, or every problem at once, each located by
 * file, line, column and JSON path. Pure: no I/O, no console, no exit.
 */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { formatPath } from './describe.js';
import { LIMITS } from './limits.js';
import { LineIndex } from './position.js';
import { sortProblems, type LoadResult, type Problem } from './problem.js';
import type * as z from 'zod';
import { AnswersSchema, type Answers } from './schema.js';
import { describeSyntaxErrors, findTooDeep } from './syntax.js';
import { issueToProblems } from './issues.js';
import { nodeAt, treeValue } from './tree.js';


/** Bytes `text` takes as UTF-8 (without allocating an encoded copy). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const KIND: Record<Node['type'], string> = {
  object: 'an object',
  array: 'a list (JSON array)',
  property: 'a property',
  string: 'text (a JSON string)',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

/** What a located JSON document is checked against: answers files and the config file share the loader. */
export interface JsonDocumentSpec<T> {
  schema: z.ZodType<T>;
  /** "an answers file", "a config file": used in messages. */
  kind: string;
  /** A minimal example of the document, shown when the file is empty or not an object. */
  example: string;
  /** Refuse a `version` other than 1 before anything else. */
  versioned: boolean;
}

export type JsonDocumentResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const ANSWERS: JsonDocumentSpec<Answers> = {
  schema: AnswersSchema,
  kind: 'an answers file',
  example: '{"learner": {"name": "..."}}',
  versioned: true,
};

export function parseAnswers(text: string, file: string): LoadResult {
  const result = parseJsonDocument(text, file, ANSWERS);
  return result.ok ? { ok: true, answers: result.value } : result;
}

/**
 * Any of our JSON documents: text → validated value, or every problem at once, located by file,
 * line, column and path, with the same limits as answers files (size, nesting).
 */
export function parseJsonDocument<T>(text: string, file: string, spec: JsonDocumentSpec<T>): JsonDocumentResult<T> {
  const fail = (problems: Problem[]): { ok: false; problems: Problem[] } => ({ ok: false, problems: sortProblems(problems) });
  const whole = (message: string, extra: Partial<Problem> = {}): Problem => ({ file, line: 0, column: 0, path: '', message, ...extra });

  // A BOM is invisible in editors; dropping it keeps columns on line 1 matching what people see.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const bytes = utf8Length(text);
  if (bytes > LIMITS.fileBytes) {
    return fail([
      whole(`the file is ${bytes.toLocaleString('en-US')} bytes; the limit is ${LIMITS.fileBytes.toLocaleString('en-US')} bytes (1 MiB)`, {
        expected: `at most ${LIMITS.fileBytes} bytes`,
        found: `${bytes} bytes`,
      }),
    ]);
  }
  if (text.trim() === '') {
    return fail([{ file, line: 1, column: 1, path: '', message: `the file is empty; ${spec.kind} is a JSON object like ${spec.example}`, expected: 'a JSON object' }]);
  }

  const lines = new LineIndex(text);
  const at = (offset: number) => lines.at(offset);

  const deep = findTooDeep(text, LIMITS.nestingDepth);
  if (deep !== undefined) {
    return fail([
      {
        file,
        ...at(deep),
        path: '',
        message: `objects and lists are nested more than ${LIMITS.nestingDepth} levels deep here; ${spec.kind} needs at most 4`,
        expected: `at most ${LIMITS.nestingDepth} levels of nesting`,
      },
    ]);
  }

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    return fail(describeSyntaxErrors(text, errors, lines).map((s) => ({ file, ...at(s.offset), path: '', ...withoutOffset(s) })));
  }

  if (root.type !== 'object') {
    return fail([
      {
        file,
        ...at(root.offset),
        path: '',
        message: `the file holds ${KIND[root.type]}, but ${spec.kind} is a JSON object like ${spec.example}`,
        expected: 'a JSON object {…}',
        found: KIND[root.type],
      },
    ]);
  }

  const { value, duplicates } = treeValue(root);

  // A different version means a different format: its other fields would only produce noise.
  const version = nodeAt(root, ['version']);
  if (spec.versioned && version.exact && version.node.type === 'number' && version.node.value !== 1) {
    const found = text.slice(version.node.offset, version.node.offset + version.node.length);
    return fail([
      {
        file,
        ...at(version.node.offset),
        path: 'version',
        message: `this tool reads version 1 of the answers format; the file says version ${found}`,
        expected: '1',
        found,
      },
    ]);
  }

  const problems: Problem[] = duplicates.map((d) => {
    const first = at(d.first.offset);
    const place = d.parent.length ? `in ${formatPath(d.parent)}` : 'at the top level';
    return {
      file,
      ...at(d.again.offset),
      path: formatPath([...d.parent, d.key]),
      message: `duplicate field \`${d.key}\` ${place} (first at line ${first.line}, column ${first.column}); JSON would keep only the last one and lose the other answer, so keep one`,
      expected: 'each field once',
      found: `\`${d.key}\` twice`,
    };
  });

  // jitless: zod would otherwise write each object schema a parser with `new Function` on first
  // use, which a one-learner `fill` compiles afresh every run (the code cache cannot keep it) and
  // never uses again: ~3 ms cold; validating a cohort stays well under a millisecond per file.
  const result = spec.schema.safeParse(value, { jitless: true });
  if (!result.success) {
    const ctx = { schema: spec.schema, file, text, root, lines };
    for (const issue of result.error.issues) problems.push(...issueToProblems(issue, ctx));
  }
  if (problems.length > 0 || !result.success) return fail(problems);
  return { ok: true, value: result.data };
}

function withoutOffset<T extends { offset: number }>(s: T): Omit<T, 'offset'> {
  const { offset: _offset, ...rest } = s;
  return rest;
}
