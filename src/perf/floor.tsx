/**
 * The engine floor: @react-pdf/renderer drawing `pages` plain pages (30 lines of text and 10
 * ruled boxes each) in one document in one process, in the bundle's body font (Noto Sans,
 * embedded), so the comparison with a bundle is like for like.
 */
import { Document, Page, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { registerFonts } from '../pdf/fonts.js';
import { theme } from '../pdf/theme.js';

const LINE = 'The quick brown fox jumps over the lazy dog while the coach takes notes on the plan';

export function FloorDocument({ pages }: { pages: number }) {
  return (
    <Document creationDate={new Date(Date.UTC(2026, 0, 1))} modificationDate={new Date(Date.UTC(2026, 0, 1))}>
      {Array.from({ length: pages }, (_, page) => (
        <Page key={page} size="LETTER" style={{ padding: 54, fontFamily: theme.font, fontSize: 9 }}>
          {Array.from({ length: 30 }, (_, line) => (
            <Text key={`t${line}`}>{`${page + 1}.${line + 1} ${LINE}`}</Text>
          ))}
          {Array.from({ length: 10 }, (_, box) => (
            <View key={`b${box}`} style={{ height: 18, marginTop: 4, borderWidth: 0.75, borderColor: '#555', borderBottomWidth: 1.5 }} />
          ))}
        </Page>
      ))}
    </Document>
  );
}

/** Renders the floor document; returns its bytes. */
export async function renderFloor(pages: number): Promise<Uint8Array> {
  registerFonts();
  const buffer = await renderToBuffer(<FloorDocument pages={pages} />);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
