import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import {
  ANSWERS_SCHEMA_ID,
  AREAS,
  AnswersSchema,
  BOUNDARIES,
  LIMITS,
  PURPOSES,
  TIES,
  answersJsonSchema,
  parseAnswers,
  starterAnswers,
} from '../../src/answers/index.js';

const full: unknown = JSON.parse(readFileSync(new URL('./fixtures/full.json', import.meta.url), 'utf8'));
type Json = Record<string, unknown>;

/** Every sub-schema of a JSON Schema, with its JSON Pointer-ish location. */
function* walk(schema: Json, at = '#'): Generator<[string, Json]> {
  yield [at, schema];
  for (const [key, sub] of Object.entries((schema.properties as Record<string, Json> | undefined) ?? {})) yield* walk(sub, `${at}/properties/${key}`);
  if (schema.items) yield* walk(schema.items as Json, `${at}/items`);
}

const property = (schema: Json, ...path: string[]): Json =>
  path.reduce<Json>((s, key) => (key === 'items' ? (s.items as Json) : ((s.properties as Record<string, Json>)[key] as Json)), schema);

describe('enumerations keep the printed order', () => {
  it('areas, ties, purposes and boundaries', () => {
    expect(AREAS).toEqual(['academic', 'expertise', 'professional-identity', 'informal']);
    expect(TIES).toEqual(['strong', 'weak', 'mentor']);
    expect(PURPOSES).toEqual(['learn', 'network', 'explore-specialties', 'share-work', 'advocacy', 'community']);
    expect(BOUNDARIES).toEqual([
      'patient-privacy',
      'one-identity',
      'permanence',
      'patient-boundaries',
      'conflicts',
      'institution-policy',
      'self-audit',
    ]);
  });
});

describe('the published JSON Schema', () => {
  const schema = answersJsonSchema();

  it('is draft 2020-12 with an $id, a title, and plain JSON', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(ANSWERS_SCHEMA_ID);
    expect(schema.title).toBe('PLN worksheet answers');
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('has exactly the field names of the contract at the top level, learner required, $schema allowed', () => {
    expect(Object.keys(schema.properties as Json)).toEqual(['$schema', 'version', 'learner', 'coach', 'session', 'goals', 'network', 'social']);
    expect(schema.required).toEqual(['learner']);
    expect(property(schema, 'version')).toMatchObject({ const: 1 });
    expect(property(schema, 'learner').required).toEqual(['name']);
    expect(property(schema, 'network', 'contacts', 'items').required).toEqual(['name', 'tie', 'area']);
  });

  it('forbids unknown fields in every object and describes every field (for editor autocomplete)', () => {
    for (const [at, sub] of walk(schema)) {
      if (sub.type === 'object') expect(sub.additionalProperties, at).toBe(false);
      if (at !== '#') expect(typeof sub.description, `${at} has no description`).toBe('string');
    }
  });

  it("publishes the limits: every list's maxItems and every text's maxLength", () => {
    expect(property(schema, 'network', 'contacts').maxItems).toBe(LIMITS.items.contacts);
    expect(property(schema, 'social', 'boundaries')).toMatchObject({ maxItems: LIMITS.items.boundaries, uniqueItems: true });
    expect(property(schema, 'goals', 'woop', 'plan', 'if').maxLength).toBe(LIMITS.textChars);
    let lists = 0;
    for (const [at, sub] of walk(schema)) {
      if (sub.type === 'array') {
        lists++;
        expect(sub.maxItems, at).toBe(LIMITS.items[at.split('/').at(-1) as keyof typeof LIMITS.items]);
      }
      const header = ['learner/properties/name', 'learner/properties/program', 'coach/properties/name'].some((end) => at.endsWith(end));
      const email = at.endsWith('learner/properties/email');
      if (sub.type === 'string' && !sub.enum && sub.format !== 'date') {
        expect(sub.maxLength, at).toBe(header ? LIMITS.headerChars : email ? LIMITS.emailChars : LIMITS.textChars);
      }
    }
    expect(lists).toBe(Object.keys(LIMITS.items).length);
  });

  it('uses the enumerations in order and a real-date format for session.date', () => {
    expect(property(schema, 'network', 'contacts', 'items', 'tie').enum).toEqual([...TIES]);
    expect(property(schema, 'social', 'purposes', 'items').enum).toEqual([...PURPOSES]);
    expect(property(schema, 'session', 'date').format).toBe('date');
  });

  // An independent reading of the published schema: zod's JSON Schema importer.
  const fromJson = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);

  it('accepts the valid examples', () => {
    expect(fromJson.safeParse(full).success).toBe(true);
    expect(fromJson.safeParse({ learner: { name: 'Ana' } }).success).toBe(true);
    expect(fromJson.safeParse(starterAnswers()).success).toBe(true);
    // A header field at its line limit, line breaks of every kind.
    const atLimit = { learner: { name: ['A', 'B\r\nC', 'D\rE', 'F\u2028G', 'H\u2029I', 'J'].join('\n') } };
    expect(atLimit.learner.name.split(/\r\n|[\n\r\u2028\u2029]/)).toHaveLength(LIMITS.headerLines);
    expect(fromJson.safeParse(atLimit).success).toBe(true);
    expect(AnswersSchema.safeParse(atLimit).success).toBe(true);
  });

  it.each([
    ['an unknown field', { learner: { name: 'Ana', nmae: 'x' } }],
    ['an unknown top-level field', { learner: { name: 'Ana' }, extra: 1 }],
    ['a missing learner', {}],
    ['a wrong enum value', { learner: { name: 'A' }, network: { contacts: [{ name: 'B', tie: 'close', area: 'academic' }] } }],
    ['version 2', { version: 2, learner: { name: 'A' } }],
    ['an impossible date', { learner: { name: 'A' }, session: { date: '2023-02-29' } }],
    ['a session number 0', { learner: { name: 'A' }, session: { number: 0 } }],
    ['too many hashtags', { learner: { name: 'A' }, social: { hashtags: Array(LIMITS.items.hashtags + 1).fill('#x') } }],
    ['a repeated boundary', { learner: { name: 'A' }, social: { boundaries: ['permanence', 'permanence'] } }],
    ['a name of more lines than the header holds', { learner: { name: Array(LIMITS.headerLines + 1).fill('A').join('\r\n') } }],
    ['a coach on more lines than the header holds', { learner: { name: 'A' }, coach: { name: Array(LIMITS.headerLines + 1).fill('B').join('\u2029') } }],
  ])('rejects %s, as the loader does', (_what, value) => {
    expect(fromJson.safeParse(value).success).toBe(false);
    expect(AnswersSchema.safeParse(value).success).toBe(false);
  });
});

describe('the starter file for init', () => {
  it('is a valid answers file that points at the schema', () => {
    const starter = starterAnswers();
    expect(starter.$schema).toBe('./answers.schema.json');
    expect(starterAnswers({ schema: ANSWERS_SCHEMA_ID }).$schema).toBe(ANSWERS_SCHEMA_ID);
    const result = parseAnswers(JSON.stringify(starter, null, 2), 'answers.json');
    expect(result).toEqual({ ok: true, answers: starter });
  });

  it('takes a session date when given one', () => {
    expect(starterAnswers({ date: '2025-03-14' }).session).toEqual({ date: '2025-03-14', number: 1 });
    expect(AnswersSchema.safeParse(starterAnswers({ date: '2025-03-14' })).success).toBe(true);
  });

  it('shows every field of the format outside lists, so a learner can discover them by editing', () => {
    const missing: string[] = [];
    const visit = (s: Json, value: unknown, at: string) => {
      if (s.type === 'object') {
        for (const [key, sub] of Object.entries(s.properties as Record<string, Json>)) {
          const v = (value as Json | undefined)?.[key];
          if (v === undefined) missing.push(`${at}${key}`);
          else visit(sub, v, `${at}${key}.`);
        }
      } else if (s.type === 'array' && Array.isArray(value) && value.length > 0) {
        visit(s.items as Json, value[0], at.replace(/\.$/, '[0].'));
      }
    };
    visit(answersJsonSchema(), starterAnswers(), '');
    // Only the date is left out: a pure function cannot know today, and a made-up date would print.
    expect(missing).toEqual(['session.date']);
  });

  it('holds no answer: every text is empty and every list starts empty, so nothing prints as if the learner wrote it', () => {
    const values: unknown[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) values.push(value);
      else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
      else values.push(value);
    };
    const { $schema: _schema, version: _version, session: _session, ...rest } = starterAnswers();
    collect(rest);
    expect(values.filter((v) => !(v === '' || (Array.isArray(v) && v.length === 0)))).toEqual([]);
  });
});
