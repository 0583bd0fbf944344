import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, LIMITS, parseAnswers } from '../../src/answers/index.js';
import { onlyProblem, problemsOf, withLearner } from './helpers.js';

const fullText = readFileSync(new URL('./fixtures/full.json', import.meta.url), 'utf8');

describe('valid files load', () => {
  it('loads the minimal file: just a learner name', () => {
    const result = parseAnswers('{"learner": {"name": "Ana"}}', 'min.json');
    expect(result).toEqual({ ok: true, answers: { learner: { name: 'Ana' } } });
  });

  it('loads a full file with every field, keeping every string exactly', () => {
    const result = parseAnswers(fullText, 'full.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.answers).toEqual(JSON.parse(fullText));
    expect(result.answers.network?.contacts?.[3]?.notes).toBe('{{name}} <b>bold</b> &amp; stays literal');
    expect(result.answers.learner.name).toBe('Nguyễn Thị Minh Châu');
  });

  it('accepts version 1, a leading BOM, CRLF line ends, tabs and line breaks inside text', () => {
    const text = '\uFEFF{\r\n\t"version": 1,\r\n\t"learner": {"name": "Ana", "program": "line one\\nline\\ttwo\\r\\n"}\r\n}\r\n';
    const result = parseAnswers(text, 'a.json');
    expect(result.ok && result.answers.learner.program).toBe('line one\nline\ttwo\r\n');
  });

  it('accepts any Unicode, including astral characters and combining marks', () => {
    const name = '👩🏽‍⚕️ Zoë Łukasiewicz 山田 مريم שָׁלוֹם';
    const result = parseAnswers(JSON.stringify({ learner: { name } }), 'u.json');
    expect(result.ok && result.answers.learner.name).toBe(name);
  });

  it('accepts the leap day of a leap year as a session date', () => {
    expect(parseAnswers(withLearner({ session: { date: '2000-02-29', number: 1 } }), 'a.json').ok).toBe(true);
  });
});

describe('empty and non-object files', () => {
  it('refuses an empty file with an example of the format', () => {
    const p = onlyProblem('');
    expect(p).toMatchObject({ file: 'answers.json', line: 1, column: 1, path: '' });
    expect(p.message).toBe('the file is empty; an answers file is a JSON object like {"learner": {"name": "..."}}');
  });

  it('treats a whitespace-only file as empty', () => {
    expect(onlyProblem('  \n\t\r\n ').message).toMatch(/^the file is empty;/);
  });

  it.each([
    ['[1, 2]', 'a list (JSON array)'],
    ['"Ana"', 'text (a JSON string)'],
    ['42', 'a number'],
    ['null', 'null'],
    ['true', 'true or false'],
  ])('refuses a top-level %s: an object is expected', (text, kind) => {
    const p = onlyProblem(`\n  ${text}\n`);
    expect(p).toMatchObject({ line: 2, column: 3, path: '', expected: 'a JSON object {…}' });
    expect(p.message).toBe(`the file holds ${kind}, but an answers file is a JSON object like {"learner": {"name": "..."}}`);
  });
});

describe('JSON syntax errors point at the first problem with line and column', () => {
  it('missing comma between fields', () => {
    const text = '{\n  "learner": {\n    "name": "Ana"\n    "program": "FM"\n  }\n}';
    const p = onlyProblem(text);
    expect(p).toMatchObject({ line: 4, column: 5, path: '', expected: 'a comma or }', found: '"program"' });
    expect(p.message).toBe('expected a comma or }, found "program"; is a comma missing at the end of line 3?');
  });

  it('missing comma in a list says ]', () => {
    const p = onlyProblem('{"learner": {"name": "A"}, "goals": {"priorities": ["a" "b"]}}');
    expect(p).toMatchObject({ line: 1, column: 57, expected: 'a comma or ]' });
  });

  it('unterminated string', () => {
    const p = onlyProblem('{\n  "learner": {"name": "Ana}\n}');
    expect(p.line).toBe(2);
    expect(p.column).toBe(23);
    expect(p.message).toMatch(/^unterminated string: the closing " is missing/);
  });

  it('trailing comma points at the comma', () => {
    const p = onlyProblem('{\n  "learner": {"name": "Ana"},\n}');
    expect(p).toMatchObject({ line: 2, column: 29, found: ',' });
    expect(p.message).toBe('a comma cannot come right before } in JSON (trailing comma); remove it');
  });

  it('comments are refused', () => {
    const p = onlyProblem('// my answers\n{"learner": {"name": "Ana"}}');
    expect(p).toMatchObject({ line: 1, column: 1 });
    expect(p.message).toMatch(/comments .* are not allowed in JSON/);
  });

  it('single quotes are explained', () => {
    const p = onlyProblem("{'learner': {}}");
    expect(p).toMatchObject({ line: 1, column: 2 });
    expect(p.message).toMatch(/double quotes \("\), not single quotes/);
  });

  it('a file cut short says which object is still open', () => {
    const p = onlyProblem('{\n  "learner": {"name": "Ana"}');
    expect(p).toMatchObject({ line: 2, column: 29 });
    expect(p.message).toBe('the file ends before the object opened at line 1, column 1 is closed with }');
  });

  it('a raw tab inside text is located at the tab', () => {
    const p = onlyProblem('{"learner": {"name": "A\tna"}}');
    expect(p).toMatchObject({ line: 1, column: 24, found: 'U+0009' });
    expect(p.message).toBe('a tab inside text must be written as \\t in JSON');
  });

  it('a bad escape is located at the backslash', () => {
    const p = onlyProblem('{"learner": {"name": "C:\\Users"}}');
    expect(p).toMatchObject({ line: 1, column: 25, found: '\\U' });
    expect(p.message).toMatch(/^invalid escape \\U; .*write \\\\ for a backslash/);
  });

  it('reports syntax errors on several lines, one per line', () => {
    const text = '{\n  "learner": {"name": \'Ana\'},\n  "coach": {"name": "Bo" "x"},\n  "session": {"number": 01}\n}';
    const problems = problemsOf(text);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4]);
  });

  it('nesting far beyond the format is refused before parsing (no stack overflow)', () => {
    const depth = 200_000;
    const p = onlyProblem(`{"learner": ${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(p.message).toBe(`objects and lists are nested more than ${LIMITS.nestingDepth} levels deep here; an answers file needs at most 4`);
    expect(p).toMatchObject({ line: 1, column: 12 + LIMITS.nestingDepth });
  });
});

describe('version', () => {
  it('refuses version 2 and says which version this tool reads', () => {
    const p = onlyProblem('{\n  "version": 2,\n  "learner": {"name": "Ana"},\n  "extra": true\n}');
    expect(p).toMatchObject({ line: 2, column: 14, path: 'version', expected: '1', found: '2' });
    expect(p.message).toBe('this tool reads version 1 of the answers format; the file says version 2');
  });

  it('refuses a version written as text', () => {
    const p = onlyProblem('{"version": "1", "learner": {"name": "Ana"}}');
    expect(p).toMatchObject({ path: 'version', expected: '1', found: '"1"', column: 13 });
  });
});

describe('schema problems: path, expected, found, line and column', () => {
  const text = [
    '{', //                                                       1
    '  "learner": {"name": "Ana"},', //                           2
    '  "network": {', //                                          3
    '    "contacts": [', //                                       4
    '      {"name": "Bo", "tie": "weak", "area": "academic"},', // 5
    '      {"name": "Cy", "tie": "strong", "area": "informal"},', // 6
    '      {"name": "Di", "tie": "strnog", "area": "academic"}', //  7
    '    ]', //                                                   8
    '  }', //                                                     9
    '}',
  ].join('\n');

  it('an enum value: all the allowed values, what was found, and a suggestion', () => {
    const p = onlyProblem(text, 'learner.json');
    expect(p).toEqual({
      file: 'learner.json',
      line: 7,
      column: 29,
      path: 'network.contacts[2].tie',
      message: 'expected one of "strong", "weak", "mentor", found "strnog"; did you mean "strong"?',
      expected: 'one of "strong", "weak", "mentor"',
      found: '"strnog"',
    });
    expect(formatProblem(p)).toBe(
      'learner.json:7:29: network.contacts[2].tie: expected one of "strong", "weak", "mentor", found "strnog"; did you mean "strong"?',
    );
  });

  it('a missing required field points at the object that should hold it', () => {
    const p = onlyProblem('{\n  "learner": {\n    "program": "FM"\n  }\n}');
    expect(p).toMatchObject({ line: 2, column: 14, path: 'learner.name', expected: 'text in double quotes' });
    expect(p.message).toBe('missing required field `name` in learner');
  });

  it('a missing learner points at the top-level object', () => {
    const p = onlyProblem('{}');
    expect(p).toMatchObject({ line: 1, column: 1, path: 'learner' });
    expect(p.message).toBe('missing required field `learner` at the top level');
  });

  it('a wrong type names the type expected and the value found', () => {
    const p = onlyProblem('{"learner": {"name": 42}}');
    expect(p).toMatchObject({ line: 1, column: 22, path: 'learner.name', expected: 'text in double quotes', found: '42' });
    expect(p.message).toBe('expected text in double quotes, found 42');
  });

  it('an object where a list belongs is summarised, not dumped', () => {
    const p = onlyProblem(withLearner({ goals: { priorities: { a: 1, b: 2 } } }));
    expect(p.path).toBe('goals.priorities');
    expect(p.message).toBe('expected a list […], found an object {…} with 2 fields');
  });

  it('session.date must be a real calendar date', () => {
    const p = onlyProblem('{"learner": {"name": "A"}, "session": {"date": "2023-02-29"}}');
    expect(p).toMatchObject({ path: 'session.date', column: 48, found: '"2023-02-29"' });
    expect(p.message).toBe('expected a date written YYYY-MM-DD that exists on the calendar, found "2023-02-29" (there is no such date)');
    expect(onlyProblem(withLearner({ session: { date: '29/02/2024' } })).message).toMatch(/found "29\/02\/2024"$/);
  });

  it.each([
    [0, '0'],
    [-3, '-3'],
    [1.5, '1.5'],
  ])('session.number must be a positive whole number (%s)', (n, found) => {
    const p = onlyProblem(withLearner({ session: { number: n } }));
    expect(p.path).toBe('session.number');
    expect(p.found).toBe(found);
    expect(p.message).toMatch(/^expected a (positive )?whole number/);
  });

  it('a number too large for a double shows as written, not as Infinity or null', () => {
    const p = onlyProblem('{"learner": {"name": "A"}, "session": {"number": 1e400}}');
    expect(p.found).toBe('1e400');
  });

  it('a long value is shortened in the message', () => {
    const p = onlyProblem(withLearner({ network: { contacts: [{ name: 'x', tie: 'a'.repeat(500), area: 'academic' }] } }));
    expect(p.found!.length).toBeLessThan(60);
    expect(p.found).toMatch(/^"a+…"$/);
  });

  it('checklist values may be ticked only once', () => {
    const p = onlyProblem(withLearner({ social: { purposes: ['learn', 'network', 'learn'] } }));
    expect(p).toMatchObject({ path: 'social.purposes[2]', found: '"learn"', expected: 'each value at most once' });
  });

  it('reports every problem in the file at once, in reading order', () => {
    const bad = [
      '{', //                                                      1
      '  "lerner": {"name": "Ana"},', //                           2
      '  "coach": {"nmae": "Bo"},', //                             3
      '  "session": {"date": "2024-13-01", "number": 0},', //      4
      '  "network": {"contacts": [{"name": "C", "tie": "close", "area": "work"}]},', // 5
      '  "social": {"purposes": ["fun"], "boundaries": "all"}', // 6
      '}',
    ].join('\n');
    const problems = problemsOf(bad);
    expect(problems.map((p) => [p.line, p.column, p.path])).toEqual([
      [1, 1, 'learner'],
      [2, 3, 'lerner'],
      [3, 13, 'coach.nmae'],
      [4, 23, 'session.date'],
      [4, 47, 'session.number'],
      [5, 49, 'network.contacts[0].tie'],
      [5, 66, 'network.contacts[0].area'],
      [6, 27, 'social.purposes[0]'],
      [6, 49, 'social.boundaries'],
    ]);
  });
});

describe('unknown fields', () => {
  it('names the field and the place, and suggests the close match', () => {
    const p = onlyProblem('{\n  "learner": {"nmae": "Ana", "name": "Ana"}\n}');
    expect(p).toMatchObject({ line: 2, column: 15, path: 'learner.nmae', found: '`nmae`', expected: '`name`' });
    expect(p.message).toBe('unknown field `nmae` in learner; did you mean `name`?');
  });

  it('at the top level', () => {
    const p = problemsOf('{"lerner": {"name": "Ana"}}').find((q) => q.path === 'lerner');
    expect(p?.message).toBe('unknown field `lerner` at the top level; did you mean `learner`?');
  });

  it('matches case and separators: time_based → timeBased', () => {
    const p = onlyProblem(withLearner({ goals: { smart: { time_based: 'June' } } }));
    expect(p.message).toBe('unknown field `time_based` in goals.smart; did you mean `timeBased`?');
  });

  it('lists the allowed fields when nothing is close', () => {
    const p = onlyProblem(withLearner({ coach: { phone: '555' } }));
    expect(p.message).toBe('unknown field `phone` in coach; the fields allowed here are `name`');
  });

  it('inside a list item', () => {
    const p = onlyProblem(withLearner({ network: { contacts: [{ name: 'B', tie: 'weak', area: 'academic', roel: 'x' }] } }));
    expect(p.message).toBe('unknown field `roel` in network.contacts[0]; did you mean `role`?');
  });

  it('a __proto__ key is an unknown field like any other, not a prototype', () => {
    const p = onlyProblem('{"learner": {"name": "A"}, "__proto__": {"x": 1}}');
    expect(p.path).toBe('__proto__');
    expect(p.message).toMatch(/^unknown field `__proto__` at the top level/);
  });

  it('a field name that cannot be shown is escaped in the message', () => {
    const p = onlyProblem('{"learner": {"name": "A", "x\\u0007\\ud800": 1}}');
    expect(p.path).toBe('learner["x\\u0007\\ud800"]');
    expect(p.message).toBe('unknown field `x\\u0007\\ud800` in learner; the fields allowed here are `name`, `program`, `email`');
  });

  it('odd field names are quoted in the path', () => {
    expect(onlyProblem(withLearner({ 'my notes': 'x' })).path).toBe('["my notes"]');
  });
});

describe('duplicate keys lose an answer, so they are errors', () => {
  it('points at the second occurrence and names the first', () => {
    const p = onlyProblem('{\n  "learner": {\n    "name": "Ana",\n    "name": "Ana María"\n  }\n}');
    expect(p).toMatchObject({ line: 4, column: 5, path: 'learner.name' });
    expect(p.message).toMatch(/^duplicate field `name` in learner \(first at line 3, column 5\)/);
  });

  it('is reported together with schema problems', () => {
    const problems = problemsOf('{"learner": {"name": "A"}, "coach": {}, "coach": {"nam": "B"}}');
    expect(problems.map((p) => p.path)).toEqual(['coach', 'coach.nam']);
  });
});

describe('text that cannot be printed', () => {
  it('an unpaired surrogate is an error at its path', () => {
    const p = onlyProblem('{"learner": {"name": "Ana \\ud800"}}');
    expect(p).toMatchObject({ path: 'learner.name', line: 1, column: 22, found: '"Ana \\ud800"' });
    expect(p.message).toBe('contains an invalid character (unpaired surrogate \\ud800 at character 5), which cannot be printed');
  });

  it('an escaped control character other than tab and line breaks is an error', () => {
    const p = onlyProblem('{"learner": {"name": "A\\u0007na"}}');
    expect(p.message).toBe(
      'contains the control character U+0007 at character 2, which cannot be printed; remove it (tabs and line breaks are fine)',
    );
  });

  it('a correctly paired surrogate escape is an ordinary character', () => {
    const result = parseAnswers('{"learner": {"name": "\\ud83d\\ude00"}}', 'a.json');
    expect(result.ok && result.answers.learner.name).toBe('😀');
  });
});

describe('formatProblem', () => {
  it('omits the position for whole-file problems and the path when there is none', () => {
    expect(formatProblem({ file: 'a.json', line: 0, column: 0, path: '', message: 'no such file' })).toBe('a.json: no such file');
    expect(formatProblem({ file: 'a.json', line: 3, column: 9, path: '', message: 'unterminated string' })).toBe(
      'a.json:3:9: unterminated string',
    );
  });
});
