/**
 * JSON syntax problems in plain English. jsonc-parser is used in strict JSON mode (no comments, no
 * trailing commas); its error codes are turned into sentences a coach can act on.
 */
import { createScanner, printParseErrorCode, SyntaxKind, type ParseError } from 'jsonc-parser';
import { shorten } from './describe.js';
import type { LineIndex } from './position.js';

export interface SyntaxProblem {
  offset: number;
  message: string;
  expected?: string;
  found?: string;
}

/** Offset of the first bracket nested deeper than `limit`, without recursion (a stack-safe pre-check). */
export function findTooDeep(text: string, limit: number): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > limit) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

type Opener = { char: '{' | '['; offset: number };

/**
 * Answers "which `{` or `[` is still open at this offset?" for many offsets in one pass over the
 * text (a file can hold thousands of syntax errors; rescanning for each would be quadratic).
 */
class OpenerIndex {
  private readonly tokenOffsets: number[] = [];
  /** The innermost open bracket after each token. */
  private readonly openAfter: (Opener | undefined)[] = [];

  constructor(text: string) {
    const scanner = createScanner(text, true);
    const stack: Opener[] = [];
    for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
      if (token === SyntaxKind.OpenBraceToken) stack.push({ char: '{', offset: scanner.getTokenOffset() });
      else if (token === SyntaxKind.OpenBracketToken) stack.push({ char: '[', offset: scanner.getTokenOffset() });
      else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) stack.pop();
      this.tokenOffsets.push(scanner.getTokenOffset());
      this.openAfter.push(stack[stack.length - 1]);
    }
  }

  /** The innermost bracket still open before the token at `offset`. */
  at(offset: number): Opener | undefined {
    let lo = 0;
    let hi = this.tokenOffsets.length; // first token at or after offset
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.tokenOffsets[mid] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.openAfter[lo - 1] : undefined;
  }
}

/** Offset of the last non-whitespace character before `offset`, or -1. */
function previousSignificant(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return i;
}

const hex4 = (c: number): string => c.toString(16).toUpperCase().padStart(4, '0');

/** The token at `offset` for a message: strings as written, other tokens in backticks. */
function describeToken(text: string, offset: number, length: number): string {
  if (offset >= text.length) return 'the end of the file';
  // Control characters are named, never printed: a raw NUL or ESC would reach the terminal.
  const token = shorten(text.slice(offset, offset + Math.max(length, 1))).replace(/[\p{Cc}]/gu, (c) => `U+${hex4(c.codePointAt(0)!)}`);
  return token.startsWith('"') ? token : `\`${token}\``;
}

function one(text: string, error: ParseError, lines: LineIndex, openers: () => OpenerIndex): SyntaxProblem {
  const { offset, length } = error;
  const token = text.slice(offset, offset + length);
  const found = describeToken(text, offset, length);
  const atEnd = offset >= text.length;
  const char = text[offset];
  const closer = (): '}' | ']' => (openers().at(offset)?.char === '[' ? ']' : '}');

  switch (printParseErrorCode(error.error)) {
    case 'PropertyNameExpected':
    case 'ValueExpected': {
      const prev = previousSignificant(text, offset);
      if ((char === '}' || char === ']') && text[prev] === ',') {
        return {
          offset: prev,
          message: `a comma cannot come right before ${char} in JSON (trailing comma); remove it`,
          expected: `a value or ${char}`,
          found: ',',
        };
      }
      if (printParseErrorCode(error.error) === 'PropertyNameExpected') {
        return { offset, message: `expected a field name in double quotes, found ${found}`, expected: 'a field name such as "name"', found };
      }
      return { offset, message: `expected a value, found ${found}`, expected: 'a value: text in double quotes, a number, true, false, null, an object or a list', found };
    }
    case 'CommaExpected': {
      const c = closer();
      const prev = previousSignificant(text, offset);
      const missingAtLineEnd = prev >= 0 && lines.at(prev).line < lines.at(offset).line;
      const hint = missingAtLineEnd ? `; is a comma missing at the end of line ${lines.at(prev).line}?` : '';
      return { offset, message: `expected a comma or ${c}, found ${found}${hint}`, expected: `a comma or ${c}`, found };
    }
    case 'CloseBraceExpected':
    case 'CloseBracketExpected': {
      const c = printParseErrorCode(error.error) === 'CloseBraceExpected' ? '}' : ']';
      const opener = openers().at(offset);
      const where = opener ? ` opened at line ${lines.at(opener.offset).line}, column ${lines.at(opener.offset).column}` : '';
      const what = c === '}' ? 'object' : 'list';
      if (atEnd) return { offset, message: `the file ends before the ${what}${where} is closed with ${c}`, expected: `a comma or ${c}`, found };
      return { offset, message: `expected a comma or ${c}, found ${found}`, expected: `a comma or ${c}`, found };
    }
    case 'ColonExpected':
      return { offset, message: `expected a colon (:) after the field name, found ${found}`, expected: ':', found };
    case 'EndOfFileExpected':
      return { offset, message: `unexpected ${found} after the end of the JSON object; a file holds exactly one object`, expected: 'the end of the file', found };
    case 'InvalidSymbol': {
      if (char === "'") {
        return { offset, message: `text and field names need double quotes ("), not single quotes ('), found ${found}`, expected: '"', found };
      }
      return {
        offset,
        message: `unexpected ${found}; text and field names go in double quotes ("…"), and the only bare words JSON allows are true, false and null`,
        expected: 'a value or punctuation',
        found,
      };
    }
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return { offset, message: `invalid number ${found}; write numbers like 3 or 2.5`, expected: 'a number', found };
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return { offset, message: 'comments (// or /* */) are not allowed in JSON; remove it', expected: 'no comment', found };
    case 'UnexpectedEndOfString': {
      const endsFile = offset + length >= text.length;
      return {
        offset,
        message: endsFile
          ? 'unterminated string: the closing " is missing before the end of the file'
          : 'unterminated string: the closing " is missing before the end of the line (inside text, write \\n for a line break)',
        expected: '"',
        found,
      };
    }
    case 'InvalidCharacter': {
      // Point at the raw control character itself, not the start of the string.
      const i = Array.from(token).findIndex((ch) => (ch.codePointAt(0) ?? 0x20) < 0x20);
      const at = i < 0 ? offset : offset + Array.from(token).slice(0, i).join('').length;
      const code = text.charCodeAt(at);
      const message =
        code === 0x09
          ? 'a tab inside text must be written as \\t in JSON'
          : `the control character U+${hex4(code)} inside text must be written as \\u${hex4(code)} in JSON`;
      return { offset: at, message, expected: code === 0x09 ? '\\t' : `\\u${hex4(code)}`, found: `U+${hex4(code)}` };
    }
    case 'InvalidEscapeCharacter': {
      const m = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})|\\(.?)/g;
      let at = offset;
      let bad = '';
      for (let r = m.exec(token); r; r = m.exec(token)) {
        if (r[1] !== undefined) {
          at = offset + r.index;
          bad = r[0];
          break;
        }
      }
      return {
        offset: at,
        message: `invalid escape ${bad || '\\'}; inside text JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (write \\\\ for a backslash)`,
        expected: 'a valid escape',
        found: bad,
      };
    }
    case 'InvalidUnicode': {
      const m = /\\u(?![0-9a-fA-F]{4})[0-9a-fA-F]{0,3}/.exec(token);
      const at = m ? offset + m.index : offset;
      const bad = m ? m[0] : token;
      return { offset: at, message: `invalid escape ${bad}; \\u needs exactly four hexadecimal digits, e.g. \\u00e9`, expected: '\\uXXXX', found: bad };
    }
    default:
      return { offset, message: `invalid JSON at ${found}`, found };
  }
}

/**
 * Every syntax error jsonc-parser found, in plain English. Only the first per line is kept: after
 * one mistake the parser's recovery reports follow-on errors on the same line that would only
 * distract (e.g. `{'a': 1}` yields three).
 */
export function describeSyntaxErrors(text: string, errors: readonly ParseError[], lines: LineIndex): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  const usedLines = new Set<number>();
  let index: OpenerIndex | undefined;
  const openers = () => (index ??= new OpenerIndex(text));
  for (const error of errors) {
    const problem = one(text, error, lines, openers);
    const line = lines.at(problem.offset).line;
    if (usedLines.has(line)) continue;
    usedLines.add(line);
    // A string broken by a line break makes the parser misread the rest of the next line too.
    if (printParseErrorCode(error.error) === 'UnexpectedEndOfString') usedLines.add(line + 1);
    out.push(problem);
  }
  return out;
}
