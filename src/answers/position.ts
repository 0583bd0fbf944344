/** Maps a UTF-16 offset in a text to a 1-based line and column. LF, CRLF and a lone CR end a line. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      if (c === 0x0a || c === 0x0d) this.starts.push(i + 1);
    }
  }

  at(offset: number): { line: number; column: number } {
    // Binary search for the last line start <= offset.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}
