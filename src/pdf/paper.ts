export const PAPERS = ['letter', 'a4'] as const;
export type Paper = (typeof PAPERS)[number];

export interface PaperSize {
  width: number;
  height: number;
}

/** Page sizes in PDF points (1/72 inch). */
export const PAPER_SIZES: Record<Paper, PaperSize> = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
};

/**
 * Half an inch on every side: inside what office and home printers print (most need 0.17–0.25 in),
 * with room to spare for a misaligned tray.
 */
export const MARGIN = 36;

/** Extra handwriting lines a page's growing field gets on this paper compared with Letter. */
export function extraLines(paper: Paper, pitch: number): number {
  return Math.floor((PAPER_SIZES[paper].height - PAPER_SIZES.letter.height) / pitch);
}

/** Width between the margins. */
export function contentWidth(paper: Paper): number {
  return PAPER_SIZES[paper].width - 2 * MARGIN;
}
