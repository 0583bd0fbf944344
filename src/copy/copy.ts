import Handlebars from 'handlebars';
import { parseTree, type Node as JsonNode, type ParseError, printParseErrorCode } from 'jsonc-parser';

/** One template file as read from disk: `goals.json` holds the goal sheet's copy keys. */
export interface TemplateFile {
  /** File name inside the locale folder, e.g. `goals.json`; its stem prefixes the keys (`goals.title`). */
  name: string;
  /** Path shown in error messages. */
  path: string;
  text: string;
}

/** A template problem, located in its file so a faculty member can fix it without reading code. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = 'TemplateError';
  }
}

export type CopyContext = Record<string, unknown>;

/** The compiled copy of one locale: every user-visible word of the worksheets. */
export interface Copy {
  readonly locale: string;
  readonly keys: readonly string[];
  /** Renders the copy key with the given variables; throws TemplateError on a missing key or variable. */
  text(key: string, context?: CopyContext): string;
}

interface CompiledEntry {
  render: HandlebarsTemplateDelegate;
  file: string;
  line: number;
  column: number;
}

const handlebars = Handlebars.create();

/**
 * Compiles a locale's template files. Pure: reading the files is the caller's job.
 * Templates run in strict mode with only built-in helpers, and without HTML escaping (the output
 * is PDF text, so `&` must stay `&`). Learner text is passed as data and never compiled.
 */
export function compileCopy(locale: string, files: readonly TemplateFile[], base: CopyContext = {}): Copy {
  const entries = new Map<string, CompiledEntry>();
  for (const file of files) {
    const stem = file.name.replace(/\.json$/, '');
    for (const { key, source, line, column } of readTemplateEntries(file)) {
      try {
        handlebars.parse(source);
      } catch (error) {
        throw new TemplateError(file.path, line, column, `"${key}": ${firstLine(error)}`);
      }
      const render = handlebars.compile(source, { strict: true, noEscape: true, knownHelpersOnly: true });
      entries.set(`${stem}.${key}`, { render, file: file.path, line, column });
    }
  }
  const keys = [...entries.keys()].sort();
  return {
    locale,
    keys,
    text(key, context = {}) {
      const entry = entries.get(key);
      if (!entry) throw new TemplateError(`templates/${locale}`, 0, 0, `missing copy key "${key}"`);
      try {
        return entry.render({ ...base, ...context });
      } catch (error) {
        throw new TemplateError(entry.file, entry.line, entry.column, `"${key}": ${firstLine(error)}`);
      }
    },
  };
}

interface TemplateEntry {
  key: string;
  source: string;
  line: number;
  column: number;
}

/** Reads `{ "key": "template", … }` with each value's line and column, for located errors. */
function readTemplateEntries(file: TemplateFile): TemplateEntry[] {
  const errors: ParseError[] = [];
  const root = parseTree(file.text, errors, { disallowComments: true, allowTrailingComma: false });
  const syntaxError = errors[0];
  if (syntaxError) {
    const { line, column } = lineAndColumn(file.text, syntaxError.offset);
    throw new TemplateError(file.path, line, column, `not valid JSON (${printParseErrorCode(syntaxError.error)})`);
  }
  if (!root || root.type !== 'object') {
    throw new TemplateError(file.path, 1, 1, 'a template file is a JSON object of "key": "template" pairs');
  }
  return (root.children ?? []).map((property: JsonNode) => {
    const [keyNode, valueNode] = property.children ?? [];
    const at = lineAndColumn(file.text, (valueNode ?? property).offset);
    if (!keyNode || !valueNode || valueNode.type !== 'string') {
      throw new TemplateError(file.path, at.line, at.column, `"${String(keyNode?.value)}" must be a string`);
    }
    return { key: String(keyNode.value), source: String(valueNode.value), ...at };
  });
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
