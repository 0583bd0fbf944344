/**
 * The answers file, format version 1 (see docs/answers-format.md): the one source of truth for the
 * TypeScript types, the runtime validation and the published JSON Schema.
 *
 * Field names are a public contract: add optional fields if needed, never rename, remove or retype.
 */
import * as z from 'zod';
import { LIMITS } from './limits.js';
import { codePointLength, findTextFault } from './text.js';

// Enumerations, as const arrays: the renderer prints checklists and legends in this order.
export const AREAS = ['academic', 'expertise', 'professional-identity', 'informal'] as const;
export const TIES = ['strong', 'weak', 'mentor'] as const;
export const PURPOSES = ['learn', 'network', 'explore-specialties', 'share-work', 'advocacy', 'community'] as const;
export const BOUNDARIES = [
  'patient-privacy',
  'one-identity',
  'permanence',
  'patient-boundaries',
  'conflicts',
  'institution-policy',
  'self-audit',
] as const;

export const ANSWERS_SCHEMA_ID = 'https://pln-worksheets.example/answers.schema.json';

interface TextLimits {
  /** Most characters (code points); LIMITS.textChars when left out. */
  chars?: number;
  /** What the text is, when it must be one line: "an email address". */
  oneLine?: string;
  /** Most lines, for a text printed in the header of every page. */
  lines?: number;
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

/**
 * Learner text: any printable Unicode, at most LIMITS.textChars code points. The checks live in the
 * schema (not only in the loader) so answers built in code, e.g. by `import`, obey the same rules.
 */
function text(description: string, { chars = LIMITS.textChars, oneLine, lines }: TextLimits = {}) {
  return z
    .string()
    .superRefine((s, ctx) => {
      const fault = findTextFault(s);
      if (fault) ctx.addIssue({ code: 'custom', input: s, message: fault.message, params: { expected: fault.expected } });
      const lineBreak = oneLine ? /[\t\n\r\u2028\u2029]/.exec(s) : null;
      if (oneLine && lineBreak) {
        const what = lineBreak[0] === '\t' ? 'a tab' : 'a line break';
        ctx.addIssue({ code: 'custom', input: s, message: `has ${what}; ${oneLine} is one line`, params: { expected: 'one line, without line breaks or tabs' } });
      }
      const lineCount = lines === undefined ? 0 : s.split(LINE_BREAK).length;
      if (lines !== undefined && lineCount > lines) {
        ctx.addIssue({
          code: 'custom',
          input: s,
          message: `has ${lineCount} lines; the limit is ${lines} (it prints in the header of every page)`,
          params: { expected: `at most ${lines} lines`, limit: lines, actual: lineCount },
        });
      }
      const length = codePointLength(s);
      if (length > chars) {
        ctx.addIssue({
          code: 'custom',
          input: s,
          message: `is ${length.toLocaleString('en-US')} characters long; the limit is ${chars.toLocaleString('en-US')}`,
          params: { expected: `at most ${chars.toLocaleString('en-US')} characters`, limit: chars, actual: length },
        });
      }
    })
    .meta({ description, maxLength: chars, ...publishedPattern(oneLine !== undefined, lines) });
}

/** The published schema's form of the one-line rule, or of a line limit (a first line, then at most `lines - 1` more). */
function publishedPattern(oneLine: boolean, lines: number | undefined): { pattern?: string } {
  if (oneLine) return { pattern: '^[^\\t\\n\\r\\u2028\\u2029]*$' };
  if (lines === undefined) return {};
  const line = '[^\\n\\r\\u2028\\u2029]*';
  return { pattern: `^${line}(?:(?:\\r\\n|[\\n\\r\\u2028\\u2029])${line}){0,${lines - 1}}$` };
}

/** A name or program: printed in the header of every page. */
const headerText = (description: string) => text(description, { chars: LIMITS.headerChars, lines: LIMITS.headerLines });

/**
 * Runs a list check even when some items are invalid. (zod's own `.max()` on arrays stops the item
 * checks, so a too-long list with a wrong item would report only one of the two problems.)
 */
const evenWithBadItems = { when: (payload: { value: unknown }) => Array.isArray(payload.value) };

function maxItems(values: readonly unknown[], max: number, ctx: z.RefinementCtx): void {
  if (values.length > max) {
    ctx.addIssue({ code: 'too_big', origin: 'array', maximum: max, inclusive: true, input: values, message: `has ${values.length} items; the limit is ${max}` });
  }
}

/** A list capped at `max` items; the loader words the too_big issue as "has N items; the limit is M". */
function list<T extends z.ZodType>(item: T, max: number, description: string) {
  return z
    .array(item)
    .superRefine((values, ctx) => maxItems(values, max, ctx), evenWithBadItems)
    .meta({ description, maxItems: max });
}

/** A checklist: enumeration values, each at most once (a tick is a tick). */
function checklist<T extends z.ZodType<string>>(item: T, max: number, description: string) {
  return z
    .array(item)
    .superRefine((values, ctx) => {
      maxItems(values, max, ctx);
      const seen = new Set<unknown>();
      values.forEach((v, i) => {
        if (seen.has(v)) {
          ctx.addIssue({
            code: 'custom',
            input: v,
            path: [i],
            message: `lists "${v}" more than once`,
            params: { expected: 'each value at most once' },
          });
        }
        seen.add(v);
      });
    }, evenWithBadItems)
    .meta({ description, maxItems: max, uniqueItems: true });
}

export const AreaSchema = z.enum(AREAS).meta({
  title: 'Area',
  description: 'Quadrant of the network map: academic, expertise, professional-identity or informal.',
});
export const TieSchema = z.enum(TIES).meta({ title: 'Tie', description: 'Strength of the tie: strong, weak or mentor.' });
export const PurposeSchema = z.enum(PURPOSES).meta({ title: 'Purpose', description: 'A purpose for using social media.' });
export const BoundarySchema = z.enum(BOUNDARIES).meta({
  title: 'Boundary',
  description: 'A boundaries-checklist item the learner has ticked.',
});

const IfThenSchema = (description: string) =>
  z
    .strictObject({
      if: text('If (the situation or obstacle) …').optional(),
      then: text('… then I will (the response).').optional(),
    })
    .meta({ description });

export const LearnerSchema = z
  .strictObject({
    name: headerText("The learner's name, printed on every sheet."),
    program: headerText('Program or course, printed on every sheet.').optional(),
    // One line: printed under each sheet's title in a block that cannot break across pages.
    email: text('Email address, on one line.', { chars: LIMITS.emailChars, oneLine: 'an email address' }).optional(),
  })
  .meta({ title: 'Learner', description: 'Who these answers belong to.' });

export const CoachSchema = z
  .strictObject({ name: headerText("The coach's name, printed on every sheet.").optional() })
  .meta({ title: 'Coach', description: 'The coach for this session.' });

export const SessionSchema = z
  .strictObject({
    date: z.iso.date().meta({ description: 'Session date, YYYY-MM-DD (a real calendar date).' }).optional(),
    number: z.number().int().positive().meta({ description: 'Session number: 1, 2, 3 …' }).optional(),
  })
  .meta({ title: 'Session', description: 'Which coaching session this is.' });

export const WoopSchema = z
  .strictObject({
    timeframe: text('Timeframe for the wish.').optional(),
    wish: text('Wish: what I want to accomplish.').optional(),
    outcome: text('Outcome: the best result of fulfilling the wish.').optional(),
    feeling: text('How achieving the outcome would feel.').optional(),
    obstacle: text('Obstacle: what inside me holds me back.').optional(),
    plan: IfThenSchema('Plan: if (obstacle), then I will (action).').optional(),
  })
  .meta({ title: 'WOOP', description: 'Wish, Outcome, Obstacle, Plan.' });

export const SmartSchema = z
  .strictObject({
    draft: text('First draft of the goal.').optional(),
    specific: text('Specific: what exactly.').optional(),
    measurable: text('Measurable: how I will know.').optional(),
    assignable: text('Assignable: who will do it.').optional(),
    relevant: text('Relevant: why it matters.').optional(),
    timeBased: text('Time-based: by when.').optional(),
    statement: text('The final SMART goal statement.').optional(),
  })
  .meta({ title: 'SMART goal', description: 'Specific, Measurable, Assignable, Relevant, Time-based.' });

export const GoalsSchema = z
  .strictObject({
    priorities: list(text('A priority.'), LIMITS.items.priorities, 'The elements or interests most important to me.').optional(),
    focus: text('The one to work on first.').optional(),
    woop: WoopSchema.optional(),
    smart: SmartSchema.optional(),
    coachSupport: text('How my coach can support me.').optional(),
    nextCheckIn: text('Next check-in: free text ("in two weeks") or a date.').optional(),
  })
  .meta({ title: 'Goals', description: 'The goal sheet.' });

export const ContactSchema = z
  .strictObject({
    name: text("The person's name."),
    tie: TieSchema,
    area: AreaSchema,
    role: text('Their role.').optional(),
    notes: text('Notes.').optional(),
  })
  .meta({ title: 'Contact', description: 'A person on the network map.' });

export const ContactToAddSchema = z
  .strictObject({
    name: text('Who to add (a name or a kind of person).'),
    role: text('Their role.').optional(),
    area: AreaSchema.optional(),
    why: text('Why add them.').optional(),
    how: text('How to reach them.').optional(),
    by: text('By when.').optional(),
  })
  .meta({ title: 'Contact to add', description: 'A person to add to the network.' });

export const NetworkActionSchema = z
  .strictObject({
    action: text('The action.'),
    skill: text('Skill it needs or builds.').optional(),
    support: text('Support needed.').optional(),
    by: text('By when.').optional(),
  })
  .meta({ title: 'Network action', description: 'An action to grow or maintain the network.' });

export const NetworkSchema = z
  .strictObject({
    contacts: list(ContactSchema, LIMITS.items.contacts, 'The people on the network map.').optional(),
    gaps: text('Gaps in the network.').optional(),
    toAdd: list(ContactToAddSchema, LIMITS.items.toAdd, 'People to add.').optional(),
    actions: list(NetworkActionSchema, LIMITS.items.actions, 'Planned actions.').optional(),
    maintain: text('How I will maintain the network.').optional(),
  })
  .meta({ title: 'Network', description: 'The network map sheet.' });

export const PlatformSchema = z
  .strictObject({
    name: text('Platform name.'),
    handle: text('My handle there.').optional(),
    why: text('Why this platform.').optional(),
  })
  .meta({ title: 'Platform', description: 'A social media platform I use or plan to use.' });

export const SocialSchema = z
  .strictObject({
    interests: list(text('An interest.'), LIMITS.items.interests, 'Professional interests.').optional(),
    purposes: checklist(PurposeSchema, LIMITS.items.purposes, 'Why I use social media (each at most once).').optional(),
    otherPurpose: text('Another purpose, in my words.').optional(),
    audience: text('Who I want to reach.').optional(),
    knownFor: list(text('A word or phrase.'), LIMITS.items.knownFor, 'Three words or phrases I want to be known for.').optional(),
    platforms: list(PlatformSchema, LIMITS.items.platforms, 'Platforms.').optional(),
    bio: text('Profile bio.').optional(),
    hashtags: list(text('A hashtag.'), LIMITS.items.hashtags, 'Hashtags to use or follow.').optional(),
    follow: list(text('An account or person.'), LIMITS.items.follow, 'Accounts or people to follow.').optional(),
    share: text('What I will share.').optional(),
    boundaries: checklist(BoundarySchema, LIMITS.items.boundaries, 'Boundaries checklist items I have ticked.').optional(),
    timeBudget: text('Time I will spend.').optional(),
    guardrail: IfThenSchema('Guardrail: if (situation), then I will (response).').optional(),
    discussion: text('Points to discuss with my coach.').optional(),
    reviewDate: text('When I will review this (free text or a date).').optional(),
  })
  .meta({ title: 'Social', description: 'The social media reflection sheet.' });

export const AnswersSchema = z
  .strictObject({
    $schema: text('JSON Schema of this file, for editor autocomplete.').optional(),
    version: z.literal(1).meta({ description: 'Answers format version. Absent means 1.' }).optional(),
    learner: LearnerSchema,
    coach: CoachSchema.optional(),
    session: SessionSchema.optional(),
    goals: GoalsSchema.optional(),
    network: NetworkSchema.optional(),
    social: SocialSchema.optional(),
  })
  .meta({
    title: 'PLN worksheet answers',
    description: "One learner's answers for one coaching session (format version 1).",
  });

export type Area = z.infer<typeof AreaSchema>;
export type Tie = z.infer<typeof TieSchema>;
export type Purpose = z.infer<typeof PurposeSchema>;
export type Boundary = z.infer<typeof BoundarySchema>;
export type Learner = z.infer<typeof LearnerSchema>;
export type Coach = z.infer<typeof CoachSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type Woop = z.infer<typeof WoopSchema>;
export type Smart = z.infer<typeof SmartSchema>;
export type Goals = z.infer<typeof GoalsSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type ContactToAdd = z.infer<typeof ContactToAddSchema>;
export type NetworkAction = z.infer<typeof NetworkActionSchema>;
export type Network = z.infer<typeof NetworkSchema>;
export type Platform = z.infer<typeof PlatformSchema>;
export type Social = z.infer<typeof SocialSchema>;
export type Answers = z.infer<typeof AnswersSchema>;

/**
 * The JSON Schema (draft 2020-12) of the answers file, for editors (`"$schema"`) and other tools.
 * Built from AnswersSchema; the text rules (no control characters or unpaired surrogates,
 * each checklist value once) are enforced by the loader but only partly expressible here.
 */
export function answersJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(AnswersSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  // $schema and $id first so the printed schema reads naturally.
  const { $schema, ...rest } = generated;
  return { $schema, $id: ANSWERS_SCHEMA_ID, ...rest };
}
