/**
 * A synthetic cohort for the benchmark: realistic learners (twenty-odd contacts, SMART goal and
 * social media sheets filled, a few things to add and actions), different from one another,
 * from a fixed seed: the same seed gives the same answers files.
 */
import type { Answers } from '../answers/schema.js';

/** Mulberry32: a small, fast, seeded generator. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Maya', 'Aisha', 'Lucía', 'Kevin', 'Hannah', 'Rachel', 'Tom', 'Grace', 'Samuel', 'Jess', 'Mei', 'Farid', 'Owen', 'Ingrid', 'Priya', 'Carlos', 'Margaret', 'Beatriz', 'Alan', 'Sofia', 'James', 'Noor', 'Tariq', 'Elena', 'Jonas', 'Zoë', 'Dmitri', 'Amara', 'Kenji', 'Olu'];
const LAST = ['Chen-Alvarez', 'Karim', 'Ferreira', "O'Brien", 'Weiss', 'Nguyen', 'Becker', 'Liu', 'Adeyemi', 'Morales', 'Tanaka', 'Haddad', 'Fitzgerald', 'Solberg', 'Venkatesan', 'Mendoza', 'Osei', 'Costa', 'Brooks', 'Rinaldi', 'Whitaker', 'Kowalski', 'Ødegaard', 'Moreau', 'Schäfer'];
const PROGRAMS = ['Internal Medicine Residency, PGY-2', 'MD Program, Year 1', 'Family Medicine Residency, PGY-1', 'Pediatrics Residency, PGY-3', 'Nursing, BSN Year 3', 'Physician Assistant Program, Year 2'];
const ROLES = ['Co-resident, PGY-2', 'Chief resident', 'Clinical pharmacist on the general medicine wards', 'Nurse educator, medical ICU', 'Palliative care attending', 'Associate program director', 'Biostatistician, Clinical Research Center', 'Hospital medicine fellow at another institution', 'College roommate, now a public-health researcher', 'Program alumnus, clinician-educator in another state', 'Research mentor from medical school', 'Leads the Women in Medicine mentoring circle'];
const NOTES = [
  'We debrief after every difficult admission.',
  'Open door; gave me my first teaching slot at morning report.',
  'Has taught me more about anticoagulation and renal dosing than any lecture. We are planning a joint teaching session for the interns in January.',
  'Runs the rapid-response simulations; interested in co-teaching interprofessional sessions.',
  'Her family meetings are a model of structure and warmth. I want to learn how she prepares for them and how she teaches residents to lead them.',
  'Offered office hours for the analysis of the quality improvement data.',
  'We started talking after a discussion about teaching on rounds; she shared her chalk-talk templates.',
  'Meets me every other month and offered to introduce me to colleagues she knows from national education meetings.',
];
const SENTENCES = [
  'Have one-on-one conversations with three clinician-educators who work at other institutions.',
  'Three conversations held and written up in a one-page note each.',
  'My mentor suggests names and introduces me; my coach reviews my outreach messages.',
  'I apply for the clinician-educator track in the spring and need outside views before deciding.',
  'First conversation by December 5, the second by January 16, the third by February 27.',
  'Check in with my coach after each one and adjust the plan if a conversation falls through.',
  'Keep a running list of what each person is working on so that I can offer something back.',
  'Protect sleep and time with my partner during ward months, and say no to one extra commitment.',
  'Present the quality improvement poster at the regional meeting with a two-minute pitch.',
  'Write a short reflection after each week on what I learned and whom I should thank.',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function sentences(random: () => number, count: number): string {
  return Array.from({ length: count }, () => pick(random, SENTENCES)).join(' ');
}

/** The i-th learner of a cohort (0-based) for a seed. */
export function syntheticLearner(seed: number, index: number): Answers {
  const random = seeded(seed * 100_003 + index);
  const name = `${pick(random, FIRST)} ${pick(random, LAST)} ${index + 1}`;
  const areas = ['academic', 'expertise', 'professional-identity', 'informal'] as const;
  const ties = ['strong', 'weak', 'mentor'] as const;
  const contactCount = 20 + Math.floor(random() * 6);
  const contacts = Array.from({ length: contactCount }, (_, i) => ({
    name: `${pick(random, ['Dr. ', '', ''])}${pick(random, FIRST)} ${pick(random, LAST)}`,
    tie: ties[i % 3]!,
    area: areas[Math.floor(random() * 4)]!,
    role: pick(random, ROLES),
    ...(random() < 0.45 ? { notes: pick(random, NOTES) } : {}),
  }));
  return {
    version: 1,
    learner: { name, program: pick(random, PROGRAMS), email: `learner${index + 1}@example-health.org` },
    coach: { name: `Dr. ${pick(random, FIRST)} ${pick(random, LAST)}` },
    session: { date: `2025-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`, number: 1 + Math.floor(random() * 6) },
    goals: {
      priorities: Array.from({ length: 4 + Math.floor(random() * 2) }, () => sentences(random, 1)),
      focus: 'Build a network outside my own program',
      smart: {
        draft: 'Meet more clinician-educators outside our program.',
        specific: sentences(random, 2),
        measurable: sentences(random, 2),
        assignable: sentences(random, 2),
        relevant: sentences(random, 3),
        timeBased: sentences(random, 2),
        statement: sentences(random, 3),
      },
      coachSupport: sentences(random, 2),
      nextCheckIn: 'December 8, after the first conversation',
    },
    network: {
      contacts,
      gaps: sentences(random, 3),
      toAdd: Array.from({ length: 3 + Math.floor(random() * 3) }, () => ({
        name: `${pick(random, FIRST)} ${pick(random, LAST)}`,
        role: pick(random, ROLES),
        area: pick(random, areas),
        why: sentences(random, 1),
        how: 'Email via the alumni list, mentioning my mentor',
        by: 'January 16',
      })),
      actions: Array.from({ length: 3 + Math.floor(random() * 3) }, () => ({
        action: sentences(random, 1),
        skill: 'A short, specific ask that is easy to accept',
        support: 'Coach reviews the first version',
        by: 'November 14',
      })),
      maintain: sentences(random, 3),
    },
    social: {
      interests: ['Clinician-educator careers', 'Teaching on the wards', 'Care transitions', 'Point-of-care ultrasound'],
      purposes: ['learn', 'network', 'share-work', 'community'],
      otherPurpose: sentences(random, 1),
      audience: sentences(random, 1),
      knownFor: ['Clear bedside teaching', 'Safe care transitions', 'Generous with credit'],
      platforms: [
        { name: 'LinkedIn', handle: `https://www.linkedin.com/in/learner-${index + 1}`, why: sentences(random, 1) },
        { name: 'Mastodon', handle: `@learner${index + 1}@med.example`, why: sentences(random, 1) },
      ],
      bio: 'IM resident. Bedside teaching, care transitions, POCUS. Views my own, not medical advice. #MedEd',
      hashtags: ['#MedEd', '#FOAMed', '#POCUS'],
      follow: Array.from({ length: 4 }, () => `${pick(random, FIRST)} ${pick(random, LAST)} (${pick(random, ROLES)})`),
      share: sentences(random, 3),
      boundaries: ['patient-privacy', 'one-identity', 'permanence', 'patient-boundaries', 'conflicts', 'institution-policy', 'self-audit'],
      timeBudget: 'Twenty minutes a day at most, after sign-out and never on shift.',
      guardrail: { if: sentences(random, 1), then: sentences(random, 1) },
      discussion: sentences(random, 2),
      reviewDate: '2026-02-02, after three months',
    },
  } as Answers;
}

/** A cohort of `count` learners. */
export function syntheticCohort(count: number, seed = 2026): Answers[] {
  return Array.from({ length: count }, (_, index) => syntheticLearner(seed, index));
}
