/**
 * Defaults for the bundle command from the config file (`--config FILE`, or
 * pln-worksheets.config.json in the current folder). Flags on the command line win.
 *
 * Only the keys the bundle needs are read, and every other key is left alone, so the file can
 * hold the school's branding and other commands' settings (read by src/config):
 *
 *     {
 *       "paper": "a4",                               (shared default)
 *       "institution": { "name": "Example School" }, (shared; the title page's institution)
 *       "bundle": {
 *         "title": "Appendix C: Personal learning network worksheets",
 *         "subtitle": "…", "institution": "…",
 *         "pagePrefix": "C-", "startPage": 1,
 *         "duplex": true, "frontMatter": true,
 *         "sheets": ["goals", "network"], "paper": "letter", "out": "out/appendix-c.pdf"
 *       }
 *     }
 *
 * A wrong value is a located error (file:line:column: key: what was expected); an unknown key in
 * "bundle" is a warning, since it is most likely a typo.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';

export const CONFIG_FILE_NAME = 'pln-worksheets.config.json';

export interface BundleDefaults {
  title?: string;
  subtitle?: string;
  institution?: string;
  pagePrefix?: string;
  startPage?: number;
  duplex?: boolean;
  frontMatter?: boolean;
  /** As on the command line: names, or "all". */
  sheets?: string[];
  paper?: string;
  /** Relative to the config file's folder. */
  out?: string;
}

export interface BundleConfig {
  /** The file read, if any. */
  file?: string;
  defaults: BundleDefaults;
  warnings: string[];
}

export class BundleConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'BundleConfigError';
  }
}

type Kind = 'string' | 'boolean' | 'page' | 'sheets';
const KEYS: Record<keyof BundleDefaults, Kind> = {
  title: 'string',
  subtitle: 'string',
  institution: 'string',
  pagePrefix: 'string',
  startPage: 'page',
  duplex: 'boolean',
  frontMatter: 'boolean',
  sheets: 'sheets',
  paper: 'string',
  out: 'string',
};

/**
 * Reads the bundle's defaults from `explicit` (an error if missing) or from the default file in
 * `cwd` (nothing if missing).
 */
export async function loadBundleConfig(explicit: string | undefined, cwd = process.cwd()): Promise<BundleConfig> {
  const file = explicit ?? path.join(cwd, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (explicit === undefined && code === 'ENOENT') return { defaults: {}, warnings: [] };
    const shown = explicit ?? CONFIG_FILE_NAME;
    throw new BundleConfigError([`${shown}: ${code === 'ENOENT' ? 'no such file' : `cannot read the config file (${code ?? (error as Error).message})`}`]);
  }
  return parseBundleConfig(text, explicit ?? CONFIG_FILE_NAME);
}

/** Pure: the bundle's defaults from the config file's text. `file` names it in messages and anchors `out`. */
export function parseBundleConfig(raw: string, file: string): BundleConfig {
  const text = raw.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const at = (node: JsonNode | undefined) => {
    const offset = node?.offset ?? 0;
    const before = text.slice(0, offset);
    return `${file}:${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
  };
  if (errors[0]) {
    const { line, column } = position(text, errors[0].offset);
    throw new BundleConfigError([`${file}:${line}:${column}: not valid JSON (${printParseErrorCode(errors[0].error)})`]);
  }
  if (!root || root.type !== 'object') throw new BundleConfigError([`${file}: a config file is a JSON object, e.g. {"bundle": {"title": "…"}}`]);

  const problems: string[] = [];
  const warnings: string[] = [];
  const defaults: BundleDefaults = {};
  const bundle = findNodeAtLocation(root, ['bundle']);
  if (bundle && bundle.type !== 'object') problems.push(`${at(bundle)}: bundle: expected an object of the bundle's settings, e.g. {"title": "…"}`);
  for (const property of bundle?.type === 'object' ? (bundle.children ?? []) : []) {
    const [keyNode, valueNode] = property.children ?? [];
    const key = String(keyNode?.value);
    if (!valueNode) continue;
    if (!(key in KEYS)) {
      warnings.push(`${at(keyNode)}: warning: bundle.${key} is not a bundle setting (known: ${Object.keys(KEYS).join(', ')}); ignored`);
      continue;
    }
    const value = readValue(KEYS[key as keyof BundleDefaults], valueNode);
    if (typeof value === 'object' && value !== null && 'problem' in value) problems.push(`${at(valueNode)}: bundle.${key}: ${value.problem}`);
    else (defaults as Record<string, unknown>)[key] = value;
  }
  // Shared keys: the paper, and the institution's name for the title page.
  const paper = findNodeAtLocation(root, ['paper']);
  if (defaults.paper === undefined && paper?.type === 'string') defaults.paper = String(paper.value);
  const institution = findNodeAtLocation(root, ['institution', 'name']);
  if (defaults.institution === undefined && institution?.type === 'string') defaults.institution = String(institution.value);
  if (defaults.out !== undefined && defaults.out !== '-') defaults.out = path.join(path.dirname(file), defaults.out);
  if (problems.length > 0) throw new BundleConfigError(problems);
  return { file, defaults, warnings };
}

function readValue(kind: Kind, node: JsonNode): unknown {
  switch (kind) {
    case 'string':
      return node.type === 'string' ? node.value : { problem: `expected a string, found ${describe(node)}` };
    case 'boolean':
      return node.type === 'boolean' ? node.value : { problem: `expected true or false, found ${describe(node)}` };
    case 'page':
      return node.type === 'number' && Number.isInteger(node.value) && node.value >= 1 && node.value <= 1_000_000
        ? node.value
        : { problem: `expected a whole number of 1 or more, found ${describe(node)}` };
    case 'sheets':
      if (node.type === 'string') return [node.value];
      if (node.type === 'array' && (node.children ?? []).every((child) => child.type === 'string')) return (node.children ?? []).map((child) => child.value);
      return { problem: `expected a sheet name or a list of them, e.g. ["goals", "network"], found ${describe(node)}` };
  }
}

function describe(node: JsonNode): string {
  if (node.type === 'string') return JSON.stringify(node.value);
  if (node.type === 'number' || node.type === 'boolean') return String(node.value);
  if (node.type === 'null') return 'null';
  return node.type === 'array' ? 'a list' : 'an object';
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
