import Handlebars from 'handlebars';
import { parseTree, type Node as JsonNode, type ParseError, printParseErrorCode } from 'jsonc-parser';
import { closest } from '../answers/describe.js';
import { PRECOMPILED } from './precompiled-templates.js';
import { emptyVariables, SAMPLE_VARIABLES } from './variables.js';

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
    super(line > 0 ? `${file}:${line}:${column}: ${detail}` : `${file}: ${detail}`);
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
 * How every template is compiled: strict variables, no HTML escaping, and only the helpers
 * templates/README.md documents. Handlebars counts its internals as known helpers too:
 * `helperMissing` and `blockHelperMissing` fail on direct calls, and `log` writes to standard
 * output (ahead of the PDF with `--out -`), so those are refused like any unknown helper.
 */
export const COMPILE_OPTIONS = {
  strict: true,
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: { helperMissing: false, blockHelperMissing: false, log: false },
} as const;

/** Far longer than any label or paragraph of copy; it bounds what a template can cost to load and lay out. */
export const MAX_TEMPLATE_CHARACTERS = 5_000;

export interface CompileOptions {
  /**
   * The keys a complete locale has (English's): a key outside them is a typo, and a locale file
   * missing one of them would leave words untranslated. Omit to skip both checks.
   */
  referenceKeys?: readonly string[];
}

/**
 * Compiles a locale's template files. Pure: reading the files is the caller's job. Later files
 * override earlier ones key by key (an override folder's `goals.json` after the built-in one).
 *
 * Templates run in strict mode with only Handlebars' built-in helpers, and without HTML escaping
 * (the output is PDF text, so `&` must stay `&`). Each is tried once with every documented
 * variable, so a misspelt variable or unknown helper fails here, naming the file, line and name,
 * before any PDF is written. Learner text is passed as data and never compiled.
 */
export function compileCopy(locale: string, files: readonly TemplateFile[], options: CompileOptions = {}): Copy {
  const entries = new Map<string, CompiledEntry>();
  const reference = options.referenceKeys ? new Set(options.referenceKeys) : undefined;
  for (const file of files) {
    const stem = fileStem(file);
    for (const { key, source, line, column } of readTemplateEntries(file)) {
      const fullKey = `${stem}.${key}`;
      if (reference && !reference.has(fullKey)) {
        const known = [...reference].filter((k) => k.startsWith(`${stem}.`)).map((k) => k.slice(stem.length + 1));
        const suggestion = closest(key, known);
        throw new TemplateError(file.path, line, column, `unknown copy key "${key}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
      }
      entries.set(fullKey, { render: compileTemplate(source, file.path, line, column, key), file: file.path, line, column });
    }
  }
  if (reference) {
    const missing = [...reference].filter((key) => !entries.has(key));
    if (missing.length > 0) {
      const [first] = missing;
      const stem = first!.split('.')[0]!;
      throw new TemplateError(
        `templates/${locale}/${stem}.json`,
        0,
        0,
        `missing ${missing.length === 1 ? 'copy key' : `${missing.length} copy keys`}: ${missing.slice(0, 8).map((key) => `"${key}"`).join(', ')}${missing.length > 8 ? ', …' : ''}`,
      );
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
        // Variables not given are empty (a blank sheet has no learner name); misspelt ones still fail.
        return entry.render({ ...emptyVariables(locale, ''), ...context });
      } catch (error) {
        throw new TemplateError(entry.file, entry.line, entry.column, `"${key}": ${firstLine(error)}`);
      }
    },
  };
}

/**
 * The copy keys a locale's files define (`goals.title`…), read without compiling the templates:
 * what the reference locale's keys are needed for.
 */
export function copyKeys(files: readonly TemplateFile[]): string[] {
  const keys = new Set<string>();
  for (const file of files) {
    const stem = fileStem(file);
    for (const { key } of readTemplateEntries(file)) keys.add(`${stem}.${key}`);
  }
  return [...keys].sort();
}

/**
 * Parses, compiles and test-renders one template, so every mistake surfaces at load time.
 * Text without a mustache renders as itself (Handlebars treats only `{{` specially), so it is
 * not compiled: most copy is plain text, and compiling it was most of loading the copy. The
 * built-in templates come precompiled (precompiled-templates.ts, looked up by their exact text):
 * Handlebars' compiler, run cold, was a good part of a one-learner `fill`'s start.
 */
function compileTemplate(source: string, file: string, line: number, column: number, key: string): HandlebarsTemplateDelegate {
  if (!source.includes('{{')) return () => source;
  try {
    const precompiled = PRECOMPILED.get(source);
    let render: HandlebarsTemplateDelegate;
    if (precompiled) {
      render = handlebars.template(precompiled);
    } else {
      handlebars.parse(source);
      render = handlebars.compile(source, COMPILE_OPTIONS);
    }
    render(SAMPLE_VARIABLES);
    return render;
  } catch (error) {
    throw new TemplateError(file, line, column, `"${key}": ${explain(error)}`);
  }
}

/** Handlebars' messages, in the words a template author needs. */
function explain(error: unknown): string {
  const message = firstLine(error);
  const notDefined = /^"([^"]+)" not defined in/.exec(message);
  if (notDefined) return `unknown variable "${notDefined[1]}" (see templates/README.md for the variables a template can use)`;
  const helper = /unknown helper (\S+)/.exec(message);
  if (helper) return `unknown helper "${helper[1]}" (templates can use if, unless, each, with and lookup)`;
  return message;
}

export interface TemplateEntry {
  key: string;
  source: string;
  line: number;
  column: number;
}

/** What prefixes a file's keys: `goals` for goals.json. */
function fileStem(file: TemplateFile): string {
  return file.name.replace(/\.json$/, '');
}

/** Reads `{ "key": "template", … }` with each value's line and column, for located errors. */
export function readTemplateEntries(file: TemplateFile): TemplateEntry[] {
  const errors: ParseError[] = [];
  const root = parseTree(file.text, errors, { disallowComments: true, allowTrailingComma: false });
  const syntaxError = errors[0];
  const lineAndColumn = locator(file.text);
  if (syntaxError) {
    const { line, column } = lineAndColumn(syntaxError.offset);
    throw new TemplateError(file.path, line, column, `not valid JSON (${printParseErrorCode(syntaxError.error)})`);
  }
  if (!root || root.type !== 'object') {
    throw new TemplateError(file.path, 1, 1, 'a template file is a JSON object of "key": "template" pairs');
  }
  return (root.children ?? []).map((property: JsonNode) => {
    const [keyNode, valueNode] = property.children ?? [];
    const at = lineAndColumn((valueNode ?? property).offset);
    if (!keyNode || !valueNode || valueNode.type !== 'string') {
      throw new TemplateError(file.path, at.line, at.column, `"${String(keyNode?.value)}" must be a string`);
    }
    const source = String(valueNode.value);
    if (source.length > MAX_TEMPLATE_CHARACTERS) {
      throw new TemplateError(file.path, at.line, at.column, `"${String(keyNode.value)}" is ${source.length} characters long; a template may have at most ${MAX_TEMPLATE_CHARACTERS}`);
    }
    return { key: String(keyNode.value), source, ...at };
  });
}

/**
 * Line and column of offsets in `text`, from line starts found once: slicing and splitting the
 * text before each entry made reading a file quadratic in its size.
 */
function locator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
