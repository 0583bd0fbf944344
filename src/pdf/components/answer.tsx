import { Text } from '@react-pdf/renderer';
import type { Style } from '../style.js';
import { theme } from '../theme.js';
import type { RenderContext } from './context.js';

/**
 * Learner text, printed exactly as typed: it is data, never markup or a template. It wraps freely
 * (and across pages); right-to-left scripts are laid out right to left.
 */
export function Answer({ ctx, text, style }: { ctx: RenderContext; text: string; style?: Style }) {
  const prepared = ctx.learnerText.prepare(text);
  return (
    <Text
      style={{
        fontFamily: ctx.learnerText.fonts,
        fontSize: theme.size.answer,
        lineHeight: 1.45,
        color: theme.colour.answer,
        ...(prepared.rtl ? { direction: 'rtl', textAlign: 'right' } : {}),
        ...style,
      }}
    >
      {prepared.text}
    </Text>
  );
}
