import { Text } from '@react-pdf/renderer';
import type { Style } from '../style.js';
import { contentWidth } from '../paper.js';
import { theme } from '../theme.js';
import { wrapFor } from '../wrap.js';
import type { RenderContext } from './context.js';

/**
 * React-PDF's hyphenation penalty for learner text: its line breaker's "infinity", a break it
 * never takes. The hyphenation callback (wrapFor) marks every break it allows with an empty piece,
 * which draws nothing; React-PDF still puts a penalty, a break that draws "-", between two pieces
 * of one word that fall in different runs (a script, font or bidi level change: "(٣)", "résumé⁧https…").
 * Learner text is never hyphenated, so such a word stays whole.
 */
const NEVER_HYPHENATE = 10_000;

const RIGHT_TO_LEFT = { direction: 'rtl', textAlign: 'right' } as const;
const LEFT_TO_RIGHT = { direction: 'ltr', textAlign: 'left' } as const;

/**
 * Learner text, printed exactly as typed: it is data, never markup or a template. It wraps freely
 * (and across pages); right-to-left scripts are laid out right to left. `width` is the box's
 * width, so that a word too wide for it (a URL in a narrow cell) wraps instead of spilling out.
 */
export function Answer({ ctx, text, style, width }: { ctx: RenderContext; text: string; style?: Style; width?: number }) {
  const prepared = ctx.learnerText.prepare(text);
  const fontSize = typeof style?.fontSize === 'number' ? style.fontSize : theme.size.answer;
  return (
    <Text
      hyphenationCallback={wrapFor(width ?? contentWidth(ctx.paper), fontSize)}
      hyphenationPenalty={NEVER_HYPHENATE}
      style={{
        fontFamily: ctx.learnerText.fonts,
        fontSize: theme.size.answer,
        lineHeight: 1.45,
        color: theme.colour.answer,
        ...(prepared.rtl ? RIGHT_TO_LEFT : {}),
        ...style,
      }}
    >
      {prepared.paragraphs
        ? // A Text has one direction; each paragraph takes its own from a nested Text.
          prepared.paragraphs.map((p, i) => (
            <Text key={i} style={p.rtl ? RIGHT_TO_LEFT : LEFT_TO_RIGHT}>
              {p.text}
            </Text>
          ))
        : prepared.text}
    </Text>
  );
}
