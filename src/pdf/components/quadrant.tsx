import type React from 'react';
import { Text, View } from '@react-pdf/renderer';
import { PAPER_SIZES } from '../paper.js';
import { theme } from '../theme.js';
import type { RenderContext } from './context.js';
import { LineSample, Star } from './primitives.js';

/** The four areas in map order: top left, top right, bottom left, bottom right. */
export const MAP_AREAS = ['academic', 'expertise', 'professional-identity', 'informal'] as const;

const ME_DIAMETER = 66;
/** Map height on Letter; taller paper gives the map its extra height. */
const LETTER_MAP_HEIGHT = 430;

export function mapHeight(ctx: RenderContext): number {
  return LETTER_MAP_HEIGHT + Math.floor(PAPER_SIZES[ctx.paper].height - PAPER_SIZES.letter.height);
}

/** The quadrant template: one quadrant per area, Me at the centre, a black-and-white legend. */
export function QuadrantMap({ ctx }: { ctx: RenderContext }) {
  const height = mapHeight(ctx);
  return (
    <View style={{ marginBottom: theme.gap.field }} wrap={false}>
      <View style={{ height, borderWidth: 1.2, borderColor: theme.colour.frame, position: 'relative' }}>
        {[0, 1].map((row) => (
          <View key={row} style={{ flexDirection: 'row', flex: 1 }}>
            {[0, 1].map((column) => {
              const area = MAP_AREAS[row * 2 + column]!;
              return (
                <View
                  key={area}
                  style={{
                    flex: 1,
                    padding: 8,
                    borderLeftWidth: column === 1 ? 1.2 : 0,
                    borderTopWidth: row === 1 ? 1.2 : 0,
                    borderColor: theme.colour.frame,
                    justifyContent: row === 0 ? 'flex-start' : 'flex-end',
                    alignItems: column === 0 ? 'flex-start' : 'flex-end',
                  }}
                >
                  <AreaLabel ctx={ctx} area={area} align={column === 0 ? 'left' : 'right'} />
                </View>
              );
            })}
          </View>
        ))}
        <View
          style={{
            position: 'absolute',
            left: '50%',
            top: '50%',
            marginLeft: -ME_DIAMETER / 2,
            marginTop: -ME_DIAMETER / 2,
            width: ME_DIAMETER,
            height: ME_DIAMETER,
            borderRadius: ME_DIAMETER / 2,
            borderWidth: 2,
            borderColor: theme.colour.ink,
            backgroundColor: 'white',
            alignItems: 'center',
            justifyContent: 'center',
          }}
        >
          <Text style={{ fontSize: 14, fontWeight: 700 }}>{ctx.t('network.map.me')}</Text>
        </View>
      </View>
      <Legend ctx={ctx} />
    </View>
  );
}

function AreaLabel({ ctx, area, align }: { ctx: RenderContext; area: string; align: 'left' | 'right' }) {
  return (
    <View style={{ maxWidth: 190 }}>
      <Text style={{ fontSize: 11, fontWeight: 700, color: theme.colour.accent, textAlign: align }}>
        {ctx.t(`network.map.${area}.label`)}
      </Text>
      <Text style={{ fontSize: theme.size.hint, fontStyle: 'italic', color: theme.colour.hint, textAlign: align, lineHeight: 1.3 }}>
        {ctx.t(`network.map.${area}.hint`)}
      </Text>
    </View>
  );
}

function Legend({ ctx }: { ctx: RenderContext }) {
  const item = (marker: React.ReactNode, label: string) => (
    <View style={{ flexDirection: 'row', alignItems: 'center', marginLeft: 16 }}>
      {marker}
      <Text style={{ fontSize: theme.size.body, marginLeft: 5 }}>{label}</Text>
    </View>
  );
  return (
    <View style={{ flexDirection: 'row', alignItems: 'center', marginTop: 6 }}>
      <Text style={{ fontSize: theme.size.body, fontWeight: 700 }}>{ctx.t('network.legend.title')}</Text>
      {item(<LineSample dashed={false} />, ctx.t('network.legend.strong'))}
      {item(<LineSample dashed />, ctx.t('network.legend.weak'))}
      {item(<Star size={11} />, ctx.t('network.legend.mentor'))}
    </View>
  );
}
