/**
 * The completeness report (src/answers/report.ts) in words: the text `validate --report` prints
 * under a valid file, and the web app shows as the learner types. Pure.
 */
import type { Copy } from '../copy/copy.js';
import type { CompletenessReport } from './report.js';

/** One line, whatever a label contains. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** A copy key's words, or the key itself if the copy cannot print it alone (it needs variables). */
function words(copy: Copy, key: string): string {
  try {
    return copy.text(key).replace(/\s+/g, ' ').trim();
  } catch {
    return key;
  }
}

/** The report as indented plain text, one sheet, section or recommendation a line. */
export function reportText(report: CompletenessReport, copy: Copy): string {
  const lines = [`  ${report.answered} of ${report.total} answers given`];
  for (const sheet of report.sheets) {
    const title = words(copy, sheet.title);
    if (!sheet.started) {
      lines.push(`  ${title}: not started`);
      continue;
    }
    lines.push(`  ${title}: ${sheet.answered} of ${sheet.total} answered`);
    for (const section of sheet.sections) {
      const empty = section.fields.filter((field) => !field.answered);
      const heading = words(copy, section.heading);
      const answered = section.fields.length - empty.length;
      if (empty.length === 0) lines.push(`    ${heading}: all answered`);
      else if (answered === 0) lines.push(`    ${heading}: empty`);
      else {
        const names = empty.map((field) => (field.label ? words(copy, field.label) : field.path));
        lines.push(`    ${heading}: ${answered} of ${section.fields.length} answered; empty: ${names.join('; ')}`);
      }
      for (const advice of section.recommendations) {
        const what = advice.subject ? `not ticked: ${words(copy, advice.subject)}` : advice.message;
        lines.push(`      recommended: ${what} (${advice.path})`);
      }
    }
  }
  return lines.map((line) => `${oneLine(line)}\n`).join('');
}
