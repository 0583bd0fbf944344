/**
 * The bundle's own pages: the title page, the contents (every entry a link) and the page that
 * pads a packet to an even number of pages. All words come from templates/<locale>/bundle.json;
 * names and titles given by people are drawn with the fonts their scripts need.
 */
import type React from 'react';
import { Link, Page, Text, View } from '@react-pdf/renderer';
import type { LearnerTextStyle } from '../pdf/components/context.js';
import { MARGIN, PAPER_SIZES, type Paper } from '../pdf/paper.js';
import type { Style } from '../pdf/style.js';
import { theme } from '../pdf/theme.js';

export interface ContentsLine {
  title: string;
  /** The page label shown, e.g. "C-12". */
  label: string;
  /** Name of the link target; the assembler points it at the page. */
  target: string;
}

export interface ContentsEntry extends ContentsLine {
  /** The learner's program, printed after the name. */
  subtitle?: string;
  sheets: ContentsLine[];
}

export interface FrontMatterProps {
  paper: Paper;
  /** Colour of the headings and rules (the theme's, or the school's). */
  accent: string;
  /** Fonts and preparation for text given by people (titles, names). */
  text: LearnerTextStyle;
  /** Small line above the title (the product), or none. */
  kicker?: string;
  title: string;
  subtitle?: string;
  institution?: string;
  /** The sheets the bundle has, as a line under the rule. */
  sheetsLine?: string;
  contentsHeading: string;
  contentsContinued: string;
  /** No contents page when undefined (a bundle of nothing but the title page is never made). */
  entries?: ContentsEntry[];
  /**
   * Where `entries` start in the whole contents, when the contents are drawn in parts (a large
   * cohort's contents at once would hold hundreds of MB of layout): a later part has no title
   * page, and every one of its pages carries the continued heading. 0 (the default) is the start.
   */
  firstEntry?: number;
}

/** Width of the page-label column of the contents. */
const LABEL_WIDTH = 64;

function pageStyle(paper: Paper) {
  const size = PAPER_SIZES[paper];
  return {
    size: [size.width, size.height] as [number, number],
    style: { padding: MARGIN, fontFamily: theme.font, fontSize: theme.size.body, color: theme.colour.ink } satisfies Style,
  };
}

/** Text given by a person: their script's fonts and direction. */
function PersonText({ text, content, style }: { text: LearnerTextStyle; content: string; style: Style }) {
  const prepared = text.prepare(content);
  return <Text style={{ ...style, fontFamily: text.fonts, ...(prepared.rtl ? { direction: 'rtl' } : {}) }}>{prepared.text}</Text>;
}

/** The title page and the contents pages, in that order. */
export function frontMatterPages(props: FrontMatterProps): React.ReactElement[] {
  const { size, style } = pageStyle(props.paper);
  const firstEntry = props.firstEntry ?? 0;
  const pages: React.ReactElement[] = [];
  if (firstEntry === 0) {
    pages.push(
      <Page key="title" size={size} style={style} layout={({ children }) => <View style={{ flexGrow: 1 }}>{children}</View>}>
        <TitleBlock {...props} />
      </Page>,
    );
  }
  if (props.entries) {
    pages.push(
      <Page
        key="contents"
        size={size}
        style={style}
        layout={({ children, subPageNumber: subPage = 1 }) => {
          const subPageNumber = firstEntry === 0 ? subPage : subPage + 1;
          return (
            <View style={{ flexGrow: 1 }}>
              <View style={{ marginTop: subPageNumber === 1 ? 54 : 0, marginBottom: 18, borderBottomWidth: 1.2, borderBottomColor: props.accent, paddingBottom: 6 }}>
                <Text style={{ fontSize: subPageNumber === 1 ? 22 : theme.size.heading, fontWeight: 700, color: props.accent }}>
                  {subPageNumber === 1 ? props.contentsHeading : props.contentsContinued}
                </Text>
              </View>
              <View style={{ flexGrow: 1 }}>{children}</View>
            </View>
          );
        }}
      >
        {props.entries.map((entry, index) => (
          <ContentsGroup key={index} entry={entry} text={props.text} first={firstEntry + index === 0} />
        ))}
      </Page>,
    );
  }
  return pages;
}

function TitleBlock({ text, kicker, title, subtitle, institution, sheetsLine, paper, accent }: FrontMatterProps) {
  const height = PAPER_SIZES[paper].height - 2 * MARGIN;
  return (
    <View style={{ flexGrow: 1, paddingHorizontal: 36 }}>
      <View style={{ marginTop: Math.round(height * 0.28) }}>
        {kicker ? (
          <Text style={{ fontSize: theme.size.small, fontWeight: 700, color: accent, letterSpacing: 1.2, marginBottom: 10 }}>
            {kicker.toUpperCase()}
          </Text>
        ) : null}
        <PersonText text={text} content={title} style={{ fontSize: 28, fontWeight: 700, lineHeight: 1.25, color: theme.colour.ink }} />
        <View style={{ width: 72, height: 2.5, backgroundColor: accent, marginTop: 18, marginBottom: 16 }} />
        {subtitle ? (
          <PersonText text={text} content={subtitle} style={{ fontSize: 15, lineHeight: 1.35, color: theme.colour.hint }} />
        ) : null}
        {sheetsLine ? (
          <Text style={{ fontSize: theme.size.body, color: theme.colour.hint, marginTop: subtitle ? 14 : 0 }}>{sheetsLine}</Text>
        ) : null}
      </View>
      <View style={{ flexGrow: 1 }} />
      {institution ? (
        <View style={{ borderTopWidth: 0.6, borderTopColor: theme.colour.rule, paddingTop: 8, marginBottom: 36 }}>
          <PersonText text={text} content={institution} style={{ fontSize: 12, lineHeight: 1.35, color: theme.colour.ink }} />
        </View>
      ) : null}
    </View>
  );
}

/** One packet's lines of the contents: kept together on one page. */
function ContentsGroup({ entry, text, first }: { entry: ContentsEntry; text: LearnerTextStyle; first: boolean }) {
  return (
    <View wrap={false} style={{ marginTop: first ? 0 : 12 }}>
      <Link src={`#${entry.target}`} style={{ textDecoration: 'none', color: theme.colour.ink }}>
        <View style={{ flexDirection: 'row', alignItems: 'flex-end' }}>
          <View style={{ flex: 1, flexDirection: 'row', flexWrap: 'wrap', alignItems: 'flex-end' }}>
            <PersonText text={text} content={entry.title} style={{ fontSize: 12, fontWeight: 700, lineHeight: 1.3 }} />
            {entry.subtitle ? (
              <PersonText
                text={text}
                content={entry.subtitle}
                style={{ fontSize: theme.size.small, color: theme.colour.hint, marginLeft: 8, marginBottom: 1.5, lineHeight: 1.3 }}
              />
            ) : null}
          </View>
          <Text style={{ width: LABEL_WIDTH, textAlign: 'right', fontSize: 12, fontWeight: 700, lineHeight: 1.3 }}>{entry.label}</Text>
        </View>
      </Link>
      {entry.sheets.map((sheet) => (
        <Link key={sheet.target} src={`#${sheet.target}`} style={{ textDecoration: 'none', color: theme.colour.ink }}>
          <View style={{ flexDirection: 'row', alignItems: 'flex-end', marginTop: 3, paddingLeft: 18 }}>
            <Text style={{ fontSize: theme.size.body, lineHeight: 1.3 }}>{sheet.title}</Text>
            <View style={{ flex: 1, marginHorizontal: 6, marginBottom: 3.5, borderBottomWidth: 0.8, borderBottomStyle: 'dotted', borderBottomColor: theme.colour.rule }} />
            <Text style={{ width: LABEL_WIDTH - 6, textAlign: 'right', fontSize: theme.size.body, lineHeight: 1.3 }}>{sheet.label}</Text>
          </View>
        </Link>
      ))}
    </View>
  );
}

/** The page that pads a packet to an even number of pages when printing on both sides. */
export function paddingPage(paper: Paper, notice: string): React.ReactElement {
  const { size, style } = pageStyle(paper);
  return (
    <Page key="padding" size={size} style={style} layout={({ children }) => <View style={{ flexGrow: 1, justifyContent: 'center' }}>{children}</View>}>
      <Text style={{ textAlign: 'center', fontSize: theme.size.body, fontStyle: 'italic', color: theme.colour.hint }}>{notice}</Text>
    </Page>
  );
}

/** Height of a label strip: the page's bottom margin, below the footer. */
export const LABEL_STRIP_HEIGHT = MARGIN;

/**
 * The book labels ("C-57") to print at the foot of bundle pages, one strip per label: a page as
 * wide as the paper and as tall as its bottom margin, the label small and centred with its
 * baseline about 20 pt above the paper's edge (inside what printers print, clear of the footer).
 * The assembler draws each strip over the foot of its page.
 */
export function labelStrips(paper: Paper, labels: readonly string[], text: LearnerTextStyle): React.ReactElement[] {
  const width = PAPER_SIZES[paper].width;
  return labels.map((label, index) => (
    <Page key={`label-${index}`} size={[width, LABEL_STRIP_HEIGHT]} style={{ padding: 0, fontFamily: theme.font, color: theme.colour.ink }}>
      <PersonText text={text} content={label} style={{ position: 'absolute', left: 0, right: 0, bottom: 20, textAlign: 'center', fontSize: theme.size.footer, lineHeight: 1 }} />
    </Page>
  ));
}
