/**
 * A ToUnicode CMap for a Type0 font with Identity-H encoding (glyph ids as codes): what text each
 * glyph stands for, so that readers extract and search what was drawn (ISO 32000-1, 9.10.3).
 */

/** UTF-16BE hex of a text, as a ToUnicode map writes it. */
function utf16Hex(text: string): string {
  return [...text]
    .map((char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x10000) return code.toString(16).padStart(4, '0');
      const v = code - 0x10000;
      return ((v >> 10) + 0xd800).toString(16) + ((v & 0x3ff) + 0xdc00).toString(16);
    })
    .join('');
}

/** The CMap for `entries`: glyph id → the text it stands for, in the order given. */
export function toUnicodeCMap(entries: ReadonlyArray<readonly [number, string]>): string {
  const lines: string[] = [];
  // At most 100 entries per bfchar block (the CMap format's limit).
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`, ...chunk.map(([id, text]) => `<${id.toString(16).padStart(4, '0')}> <${utf16Hex(text)}>`), 'endbfchar');
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...lines,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
