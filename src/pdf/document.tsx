import type React from 'react';
import { Document, Page, View } from '@react-pdf/renderer';
import type { Section, Sheet } from '../worksheets/model.js';
import { keepsOpening, keepsSectionWhole, movesWhole } from './keep-whole.js';
import { fieldsOf } from '../worksheets/model.js';
import type { Answers } from '../answers/schema.js';
import { FieldView } from '../fields/index.js';
import { MapFollowOn } from './components/quadrant.js';
import { Footer, Header, headerOverflow as headerOverflowOf, SectionBlock, SheetTitle, type HeaderValues } from './components/frame.js';
import type { RenderContext } from './components/context.js';
import { MARGIN, PAPER_SIZES } from './paper.js';
import { theme } from './theme.js';

export interface DocumentMetadata {
  title: string;
  subject: string;
  author: string;
  creator: string;
  language: string;
  /** Fixed, so the same inputs give the same bytes. */
  date: Date;
}

export interface PacketProps {
  sheets: Sheet[];
  ctx: RenderContext;
  header?: HeaderValues;
  /** The learner's answers; sheets without answers in them print blank. */
  answers?: Answers;
}

/**
 * Tells the (patched) paginator that a sheet page's header and footer keep their size on every
 * page (the page number sits out of the flow: see Footer), so the room they leave for content is
 * measured once per page template. Without the patch the prop is ignored.
 */
const STABLE_REGION = { stableRegion: true } as Record<string, unknown>;

/** A PDF document with our metadata, fixed dates included, around the given pages. */
export function MetadataDocument({ metadata, children }: { metadata: DocumentMetadata; children: React.ReactNode }) {
  return (
    <Document
      title={metadata.title}
      subject={metadata.subject}
      author={metadata.author}
      creator={metadata.creator}
      producer={metadata.creator}
      language={metadata.language}
      creationDate={metadata.date}
      modificationDate={metadata.date}
    >
      {children}
    </Document>
  );
}

/** The pages of a packet: every page of every sheet, with the header and footer around it. */
export function packetPages({ sheets, ctx: documentCtx, header, answers }: PacketProps): React.ReactElement[] {
  const size = PAPER_SIZES[documentCtx.paper];
  const headerOverflow = headerOverflowOf(documentCtx, header);
  return sheets.flatMap((sheet) => {
        const ctx = { ...documentCtx, answers: answers?.[sheet.id] !== undefined ? answers : undefined, headerOverflow };
        const sheetTitle = ctx.t(sheet.title);
        const numbers = sectionNumbers(sheet);
        const pages = pagesToPrint(sheet, ctx.answers !== undefined && !ctx.fillable);
        return pages.map((sections, pageIndex) => (
          <Page
            key={`${sheet.id}-${pageIndex}`}
            size={[size.width, size.height]}
            style={{ padding: MARGIN, fontFamily: theme.font, fontSize: theme.size.body, color: theme.colour.ink }}
            {...STABLE_REGION}
            layout={({ children, pageNumber = 1, totalPages = 1 }) => (
              <View style={{ flexGrow: 1 }}>
                <Header ctx={ctx} values={header} />
                <View style={{ flexGrow: 1 }}>{children}</View>
                <Footer ctx={ctx} sheetTitle={sheetTitle} credits={sheet.credits} pageNumber={pageNumber} totalPages={totalPages} />
              </View>
            )}
          >
            {pageIndex === 0 ? (
              <SheetTitle
                ctx={ctx}
                email={answers?.learner.email || undefined}
                step={ctx.t(sheet.step)}
                title={sheetTitle}
                intro={ctx.t(sheet.intro)}
                aim={sheet.aim ? ctx.t(sheet.aim) : undefined}
              />
            ) : null}
            {sections.map((section, sectionIndex) => [
              <SectionBlock
                key={section.id}
                accent={ctx.accent}
                first={sectionIndex === 0}
                number={numbers.get(section.id) ?? 0}
                heading={ctx.t(section.heading)}
                continued={section.continued ? ctx.t('common.continued') : undefined}
                prompt={section.prompt ? ctx.t(section.prompt) : undefined}
                whole={pages !== sheet.pages && sectionIndex === sections.length - 1 && keepsSectionWhole(section, ctx)}
                keepOpening={pages !== sheet.pages && keepsOpening(section, ctx)}
              >
                {section.items.map((item, index) => (
                  <View
                    key={index}
                    wrap={!fieldsOf(item).every((field) => movesWhole(field, ctx))}
                    style={{ marginTop: index === 0 ? 0 : theme.gap.field, flexDirection: item.kind === 'row' ? 'row' : 'column' }}
                  >
                    {fieldsOf(item).map((field, column) => (
                      <View key={field.path} style={item.kind === 'row' ? { flex: 1, marginLeft: column === 0 ? 0 : 14 } : {}}>
                        <FieldView field={field} ctx={ctx} />
                      </View>
                    ))}
                  </View>
                ))}
              </SectionBlock>,
              // The map's overflow follows its section: straight on where the sheet flows, on a page
              // of its own after a designed page (which the map fills).
              !ctx.fillable && section.items.flatMap(fieldsOf).some((field) => field.kind === 'quadrantMap') ? (
                <MapFollowOn key={`${section.id}-follow-on`} ctx={ctx} startsPage={pages === sheet.pages} />
              ) : null,
            ])}
          </Page>
        ));
  });
}

/**
 * The page structure to print. A blank sheet keeps the designed pages: each holds its sections
 * with the writing space sized to fit. A filled sheet's answers make sections longer or shorter
 * than designed, so its sections flow on from page to page instead: a designed page break there
 * would start a page after a few spilled lines and leave most of it empty. Sections a blank sheet
 * splits over two pages ("continued") are one section again when flowing.
 */
export function pagesToPrint(sheet: Sheet, flowing: boolean): Section[][] {
  if (!flowing) return sheet.pages;
  const sections: Section[] = [];
  for (const section of sheet.pages.flat()) {
    const previous = sections.at(-1);
    if (section.continued && previous) sections[sections.length - 1] = { ...previous, items: [...previous.items, ...section.items] };
    else sections.push(section);
  }
  return [sections];
}

/** Sections are numbered within their sheet; a continued section keeps its number. */
function sectionNumbers(sheet: Sheet): Map<string, number> {
  const numbers = new Map<string, number>();
  let number = 0;
  for (const section of sheet.pages.flat()) {
    if (!section.continued) number += 1;
    numbers.set(section.id, number);
  }
  return numbers;
}
