/**
 * What a page break must keep. A filled sheet flows from page to page, so a field can be cut at
 * any height: the part on the next page is only what was left of it, and everything after it
 * prints, in order, on the page.
 */
import type { ReactNode } from 'react';
import { Document, Page, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../src/answers/index.js';
import { renderFilled } from '../src/api.js';
import { normaliseText, pdfLines, pdfText } from './support/pdf.js';

const LETTER_HEIGHT = 792;
const PADDING = 36;
const ACCOUNTS = ['@ACEP_POCUS', '@WeiChenEcho', '@ACP_IMlearning', '@SAEMedEd', '@FOAMedDigest'];

/** A numbered row of a two-column list, as the sheets draw one. */
function Row({ number, value }: { number: number; value?: string }) {
  return (
    <View wrap={false} style={{ flexDirection: 'row', alignItems: value ? 'flex-start' : 'flex-end', minHeight: 22, borderBottomWidth: 0.6 }}>
      <Text style={{ width: 18, marginBottom: 3, paddingTop: value ? 5 : 0 }}>{`${number}.`}</Text>
      {value ? (
        <View style={{ flex: 1, paddingTop: 3, paddingBottom: 2 }}>
          <Text style={{ fontSize: 10.5, lineHeight: 1.45 }}>{value}</Text>
        </View>
      ) : null}
    </View>
  );
}

/**
 * A page whose frame (a short answer in a box with a minimum height, like the bio's) starts
 * `frameTop` points down the content, then a two-column list and more content.
 */
async function frameThenList(frameTop: number): Promise<Uint8Array> {
  return renderToBuffer(
    <Document>
      <Page size="LETTER" style={{ padding: PADDING }} layout={({ children }: { children?: ReactNode }) => <View style={{ flexGrow: 1 }}>{children}</View>}>
        <View style={{ height: frameTop }} />
        <View style={{ minHeight: 300, borderWidth: 1, padding: 6 }}>
          <Text>A short answer in a tall frame</Text>
        </View>
        <View wrap={false}>
          <Text>Accounts to follow</Text>
          <View style={{ flexDirection: 'row' }}>
            {[0, 1].map((column) => (
              <View key={column} style={{ flex: 1, marginLeft: column ? 14 : 0 }}>
                {[0, 1, 2].map((row) => (
                  <Row key={row} number={column * 3 + row + 1} value={ACCOUNTS[column * 3 + row]} />
                ))}
              </View>
            ))}
          </View>
        </View>
        <View style={{ height: 400, borderWidth: 1 }} />
        <Text>The end</Text>
      </Page>
    </Document>,
  );
}

describe('a field cut by a page break', () => {
  it('goes on at the top of the next page with only what was left of it, and what follows comes right after', async () => {
    const contentHeight = LETTER_HEIGHT - 2 * PADDING;
    const frameTop = 650;
    const pdf = new Uint8Array(await frameThenList(frameTop));
    const pages = await pdfLines(pdf);
    const heading = pages[1]!.find((line) => line.text.startsWith('Accounts to follow'));
    expect(heading, 'the list starts the second page').toBeDefined();
    // 300 points of frame, of which contentHeight - frameTop were drawn on the first page.
    const rest = 300 - (contentHeight - frameTop);
    expect(heading!.bbox[1]).toBeGreaterThan(PADDING + rest - 10);
    expect(heading!.bbox[1]).toBeLessThan(PADDING + rest + 20);
    const second = normaliseText(pages[1]!.map((line) => line.text).join(' '));
    for (const account of ACCOUNTS) expect(second).toContain(account);
    // Every line of every page lies on its page.
    for (const page of pages) for (const line of page) expect(line.bbox[3]).toBeLessThanOrEqual(LETTER_HEIGHT);
  });

  it('keeps every account to follow of a learner whose bio ends near a page\'s foot', async () => {
    const answers = {
      version: 1,
      learner: { name: 'Dr. Amara Okafor', program: 'Internal Medicine, PGY-2' },
      social: { bio: 'x', follow: ACCOUNTS },
    } as Answers;
    const text = normaliseText((await pdfText(await renderFilled(answers))).join(' '));
    for (const account of ACCOUNTS) expect(text).toContain(account);
    expect(text).toContain('1 of 160 characters');
  });

  it('prints every line of an answer of many short lines, in a list, an if-then plan or a closing section', async () => {
    const lines = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
    const answers = {
      version: 1,
      learner: { name: 'Dr. Amara Okafor' },
      goals: { priorities: [lines('priority-', 120).join('\n'), 'Sleep'], woop: { plan: { if: 'a page is full', then: lines('then-', 80).join('\n') } } },
      social: { guardrail: { if: lines('if-', 90).join('\n'), then: 'stop' } },
    } as Answers;
    const pages = await pdfLines(await renderFilled(answers));
    const printed = new Set(pages.flatMap((page) => page.flatMap((line) => normaliseText(line.text).split(' '))));
    for (const word of [...lines('priority-', 120), ...lines('then-', 80), ...lines('if-', 90), 'Sleep']) expect(printed, word).toContain(word);
    // Each answer line on its page, above the footer: not drawn over it or off the paper.
    for (const page of pages) {
      const footer = Math.min(...page.filter((line) => line.text.startsWith('Personal learning network worksheets')).map((line) => line.bbox[1]));
      expect(footer).toBeLessThan(LETTER_HEIGHT);
      for (const line of page.filter((each) => /^(priority|then|if)-\d/.test(each.text))) expect(line.bbox[3], line.text).toBeLessThan(footer);
    }
  });
});
