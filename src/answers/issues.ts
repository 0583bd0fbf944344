/** Zod validation issues → located, plain-English problems. */
import type { Node } from 'jsonc-parser';
import * as z from 'zod';
import { closest, describeNode, formatPath, listValues, placeOf, plural, shorten, type PathSegment } from './describe.js';
import type { LineIndex } from './position.js';
import type { Problem } from './problem.js';
import { AnswersSchema } from './schema.js';
import { findTextFault } from './text.js';
import { nodeAt, propertyNode } from './tree.js';

/** A field name for a message: escaped when it holds something a terminal cannot show. */
const showKey = (key: string): string => shorten(findTextFault(key) ? JSON.stringify(key).slice(1, -1) : key);

interface Context {
  /** The schema the document is validated against (answers, or the config file). */
  schema: z.ZodType;
  file: string;
  text: string;
  root: Node;
  lines: LineIndex;
}

const EXPECTED_TYPE: Record<string, string> = {
  string: 'text in double quotes',
  number: 'a number',
  int: 'a whole number',
  object: 'an object {…}',
  array: 'a list […]',
  boolean: 'true or false',
};

/** The zod schema that validates the value at `path`, looking through optional and list wrappers. */
function schemaAt(path: readonly PathSegment[], root: z.ZodType): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  for (const seg of [undefined, ...path]) {
    while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
    if (seg === undefined) continue;
    if (schema instanceof z.ZodObject && typeof seg === 'string') schema = (schema.shape as Record<string, z.ZodType>)[seg];
    else if (schema instanceof z.ZodArray && typeof seg === 'number') schema = schema.element as z.ZodType;
    else return undefined;
  }
  while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
  return schema;
}

/** The field names allowed in the object at `path`. */
export function allowedKeys(path: readonly PathSegment[], root: z.ZodType = AnswersSchema): string[] {
  const schema = schemaAt(path, root);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function located(ctx: Context, node: Node, path: readonly PathSegment[], fields: Omit<Problem, 'file' | 'line' | 'column' | 'path'>): Problem {
  const { line, column } = ctx.lines.at(node.offset);
  return { file: ctx.file, line, column, path: formatPath(path), ...fields };
}

function paramString(issue: z.core.$ZodIssue, name: string): string | undefined {
  const params = issue.code === 'custom' ? issue.params : undefined;
  const v = params?.[name];
  return typeof v === 'string' ? v : undefined;
}

export function issueToProblems(issue: z.core.$ZodIssue, ctx: Context): Problem[] {
  const path = issue.path.filter((s): s is PathSegment => typeof s === 'string' || typeof s === 'number');
  const { node, exact } = nodeAt(ctx.root, path);
  const found = exact ? describeNode(node, ctx.text) : undefined;

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path, ctx.schema);
      return issue.keys.map((key) => {
        const keyNode = propertyNode(node, key)?.children?.[0] ?? node;
        const guess = closest(key, allowed);
        const advice = guess ? `did you mean \`${guess}\`?` : `the fields allowed here are ${allowed.map((k) => `\`${k}\``).join(', ')}`;
        return located(ctx, keyNode, [...path, key], {
          message: `unknown field \`${showKey(key)}\` ${placeOf(path)}; ${advice}`,
          expected: guess ? `\`${guess}\`` : `one of ${allowed.join(', ')}`,
          found: `\`${showKey(key)}\``,
        });
      });
    }
    case 'invalid_type': {
      const expected = EXPECTED_TYPE[issue.expected] ?? String(issue.expected);
      if (!exact) {
        const key = path[path.length - 1];
        const parent = path.slice(0, -1);
        return [located(ctx, node, path, { message: `missing required field \`${String(key)}\` ${placeOf(parent)}`, expected })];
      }
      return [located(ctx, node, path, { message: `expected ${expected}, found ${found}`, expected, found })];
    }
    case 'invalid_value': {
      const expected = issue.values.length === 1 ? listValues(issue.values) : `one of ${listValues(issue.values)}`;
      const strings = issue.values.filter((v): v is string => typeof v === 'string');
      const guess = node.type === 'string' && typeof node.value === 'string' ? closest(node.value, strings) : undefined;
      const advice = guess ? `; did you mean "${guess}"?` : '';
      return [located(ctx, node, path, { message: `expected ${expected}, found ${found}${advice}`, expected, found })];
    }
    case 'too_big': {
      if (issue.origin === 'array' && node.type === 'array') {
        const count = node.children?.length ?? 0;
        const max = Number(issue.maximum);
        return [
          located(ctx, node, path, {
            message: `has ${plural(count, 'item')}; the limit is ${max.toLocaleString('en-US')}`,
            expected: `at most ${plural(max, 'item')}`,
            found: plural(count, 'item'),
          }),
        ];
      }
      return [located(ctx, node, path, { message: `expected at most ${String(issue.maximum)}, found ${found}`, expected: `at most ${String(issue.maximum)}`, found })];
    }
    case 'too_small': {
      // The only minimum in the format: session.number is a positive integer.
      const expected = 'a positive whole number (1, 2, 3 …)';
      return [located(ctx, node, path, { message: `expected ${expected}, found ${found}`, expected, found })];
    }
    case 'invalid_format': {
      if (issue.format === 'date') {
        const expected = 'a date written YYYY-MM-DD that exists on the calendar';
        const shaped = typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(node.value);
        const tail = shaped ? ' (there is no such date)' : '';
        return [located(ctx, node, path, { message: `expected ${expected}, found ${found}${tail}`, expected, found })];
      }
      return [located(ctx, node, path, { message: `expected text in the ${issue.format} format, found ${found}`, found })];
    }
    case 'custom': {
      const expected = paramString(issue, 'expected');
      return [located(ctx, node, path, { message: issue.message, ...(expected ? { expected } : {}), ...(found ? { found } : {}) })];
    }
    default:
      return [located(ctx, node, path, { message: `${issue.message}${found ? `, found ${found}` : ''}`, ...(found ? { found } : {}) })];
  }
}
