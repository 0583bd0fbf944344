/**
 * The answers file for the next coaching session, made from the last one: the learner, coach,
 * goals, network and social plan carry forward untouched; what belongs to one session is reset
 * (the date, the session number, the next check-in agreed at it).
 */
import type { Answers, Contact, Tie } from './schema.js';

export interface NextSessionOptions {
  /** The new session's date, YYYY-MM-DD. */
  date: string;
  /**
   * Names from network.toAdd the learner has now connected with: each moves from "people to add"
   * to the map's contacts, with its role, area and "why" (as the contact's notes).
   */
  promote?: readonly string[];
  /** The tie a promoted person gets on the map (default "weak": a new connection). */
  promotedTie?: Tie;
}

/** A reason the next session cannot be made as asked (a name not found, say). */
export class NextSessionError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'NextSessionError';
  }
}

/** Names compare as a learner types them: ignoring case and surrounding spaces. */
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('en-US') === b.trim().toLocaleLowerCase('en-US');

export function nextSession(previous: Answers, options: NextSessionOptions): Answers {
  // A structured copy: the result never shares objects with the file it came from.
  const next = structuredClone(previous);
  // A file without a number is taken as the first session.
  next.session = { ...next.session, date: options.date, number: (previous.session?.number ?? 1) + 1 };
  if (next.goals?.nextCheckIn !== undefined) next.goals.nextCheckIn = '';
  if (options.promote && options.promote.length > 0) promote(next, options.promote, options.promotedTie ?? 'weak');
  return next;
}

function promote(answers: Answers, names: readonly string[], tie: Tie): void {
  const toAdd = answers.network?.toAdd ?? [];
  const problems: string[] = [];
  const chosen = new Set<number>();
  for (const name of names) {
    const index = toAdd.findIndex((person, i) => !chosen.has(i) && sameName(person.name, name));
    if (index < 0) {
      const listed = toAdd.map((person) => `"${person.name}"`).join(', ');
      problems.push(`"${name}" is not in network.toAdd (${listed ? `people to add: ${listed}` : 'the list is empty'})`);
      continue;
    }
    if (!toAdd[index]!.area) {
      problems.push(`network.toAdd[${index}] ("${toAdd[index]!.name}") has no area, so it cannot be placed on the map: add "area" to it first`);
      continue;
    }
    chosen.add(index);
  }
  if (problems.length > 0) throw new NextSessionError(problems);
  const network = answers.network!;
  const promoted: Contact[] = [...chosen].sort((a, b) => a - b).map((i) => {
    const person = toAdd[i]!;
    return {
      name: person.name,
      tie,
      area: person.area!,
      ...(person.role !== undefined ? { role: person.role } : {}),
      ...(person.why ? { notes: person.why } : {}),
    };
  });
  network.contacts = [...(network.contacts ?? []), ...promoted];
  network.toAdd = toAdd.filter((_, i) => !chosen.has(i));
}
