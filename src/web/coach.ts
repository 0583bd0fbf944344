/**
 * Coach mode: a roster CSV in, one PDF of named blank packets out, by the same roster rules and
 * bundle code as `pln-worksheets bundle --roster` (src/bundle/), so the same roster gives the
 * same packets and the same located errors.
 */
import { DEFAULT_PDF_DATE, renderBundle } from '../api.js';
import type { PacketInput } from '../bundle/model.js';
import { formatRosterProblem, parseRoster, ROSTER_MAX_BYTES } from '../bundle/roster.js';
import type { Paper } from '../pdf/paper.js';
import { planLearnerText } from '../pdf/learner-text.js';
import { ensureFonts } from './fonts.js';
import { ensurePdfLib } from './pdf-lib-loader.js';

export interface RosterRequest {
  bytes: Uint8Array;
  /** The roster's name in error messages: the file's name, as the command line uses its path. */
  file: string;
  locale: string;
  paper: Paper;
  duplex: boolean;
}

export type RosterPack = { ok: true; pdf: Uint8Array; participants: number } | { ok: false; problems: string[] };

/** The packets for a roster's participants, or its problems in `bundle`'s words. */
export function rosterPackets(bytes: Uint8Array, file: string): { ok: true; packets: PacketInput[] } | { ok: false; problems: string[] } {
  if (bytes.length > ROSTER_MAX_BYTES) return { ok: false, problems: [formatRosterProblem({ file, line: 0, message: 'the roster is larger than the limit of 1 MiB' })] };
  const roster = parseRoster(bytes, file);
  if (!roster.ok) return { ok: false, problems: roster.problems.map(formatRosterProblem) };
  return { ok: true, packets: roster.participants.map((p) => ({ kind: 'blank', name: p.name, program: p.program })) };
}

/** The workshop pack, as `bundle --roster FILE [--duplex]` makes it with no config file. */
export async function rosterPack(request: RosterRequest): Promise<RosterPack> {
  const planned = rosterPackets(request.bytes, request.file);
  if (!planned.ok) return planned;
  // Names and programs print in every header and the contents: their scripts' fonts first.
  const texts = planned.packets.flatMap((packet) => (packet.kind === 'blank' ? [packet.name ?? '', packet.program ?? ''] : []));
  await Promise.all([ensureFonts(planLearnerText(texts).families), ensurePdfLib()]);
  const pdf = await renderBundle(planned.packets, {
    locale: request.locale,
    paper: request.paper,
    duplex: request.duplex,
    frontMatter: true,
    date: DEFAULT_PDF_DATE,
  });
  return { ok: true, pdf, participants: planned.packets.length };
}

/** out/<roster>-pack.pdf on the command line; here the download's name. */
export function packFileName(file: string): string {
  return `${file.replace(/\.[^.]*$/, '') || 'roster'}-pack.pdf`;
}
