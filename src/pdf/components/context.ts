import type { Copy, CopyContext } from '../../copy/copy.js';
import type { Paper } from '../paper.js';

/** What every component needs to draw a page: the copy and the paper it is laid out for. */
export interface RenderContext {
  copy: Copy;
  paper: Paper;
  /** Shorthand for copy.text with the document's variables. */
  t: (key: string, variables?: CopyContext) => string;
  /** Extra ruled lines for the growing field of each page on this paper. */
  extraLines: number;
}
