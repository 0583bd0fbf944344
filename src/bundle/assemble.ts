/**
 * Joins separately rendered PDFs into one bundle with pdf-lib, and adds what React-PDF cannot
 * write for a document it never sees whole: the outline (bookmarks) across packets, link
 * destinations into other packets, page labels, and the document's metadata.
 *
 * Memory: each part is parsed, its pages copied, and the parsed part dropped; `flush()` then writes
 * the part's objects to the output and forgets them, but for the page dictionaries and their
 * resources, which links and labels may still change. `release()` writes those too once they are
 * final, keeping only each page's reference and height (for links and the outline), so memory
 * does not grow with the pages' number.
 *
 * Deterministic: no dates but the one given, no random identifiers; pages, fonts and outline items
 * are written in the order they were added.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import type { DocumentMetadata } from '../pdf/document.js';
import type { ByteSink } from '../io/sink.js';
import { PdfFileWriter } from './pdf-file.js';

export interface OutlineItem {
  title: string;
  /** 0-based page index in the bundle. */
  page: number;
  children?: OutlineItem[];
  /** Children shown (default true). */
  open?: boolean;
}

/** The bundle's metadata: the same fields as any of our PDFs. */
export type BundleMetadata = DocumentMetadata;

export interface AppendedPart {
  /** 0-based index of the part's first page in the bundle. */
  start: number;
  pages: number;
  /** Outline titles of the part, each with the 0-based index (within the part) of its page. */
  markers: Map<string, number>;
}

const NAME = {
  Annots: PDFName.of('Annots'),
  A: PDFName.of('A'),
  D: PDFName.of('D'),
  Dest: PDFName.of('Dest'),
  S: PDFName.of('S'),
  GoTo: PDFName.of('GoTo'),
  Outlines: PDFName.of('Outlines'),
  First: PDFName.of('First'),
  Last: PDFName.of('Last'),
  Next: PDFName.of('Next'),
  Prev: PDFName.of('Prev'),
  Parent: PDFName.of('Parent'),
  Count: PDFName.of('Count'),
  Title: PDFName.of('Title'),
  Type: PDFName.of('Type'),
  XYZ: PDFName.of('XYZ'),
  PageMode: PDFName.of('PageMode'),
  UseOutlines: PDFName.of('UseOutlines'),
  PageLabels: PDFName.of('PageLabels'),
  Resources: PDFName.of('Resources'),
  Font: PDFName.of('Font'),
  XObject: PDFName.of('XObject'),
  BaseFont: PDFName.of('BaseFont'),
  FontName: PDFName.of('FontName'),
  FontDescriptor: PDFName.of('FontDescriptor'),
  DescendantFonts: PDFName.of('DescendantFonts'),
  Contents: PDFName.of('Contents'),
  MediaBox: PDFName.of('MediaBox'),
  Subtype: PDFName.of('Subtype'),
  Form: PDFName.of('Form'),
  BBox: PDFName.of('BBox'),
  BookLabel: PDFName.of('PlnBookLabel'),
  Pages: PDFName.of('Pages'),
  Kids: PDFName.of('Kids'),
  Info: PDFName.of('Info'),
} as const;

/** A page already written out: what links and the outline still need of it. */
interface WrittenPage {
  ref: PDFRef;
  height: number;
}

export class BundleAssembler {
  private fontTags = 0;
  private readonly renamedFonts = new Set<string>();
  private padding: { contents: PDFRef; resources: PDFRef; mediaBox: PDFArray } | undefined;
  /** The bundle's pages in order: in memory until released, then only their reference and height. */
  private readonly pages: Array<PDFPage | WrittenPage> = [];
  /** Objects kept through flushes: the pages and their resources, which links and labels change. */
  private readonly kept = new Set<PDFRef>();
  /** The objects each page in memory keeps besides its own dictionary (written with it on release). */
  private readonly keptWith = new Map<PDFRef, PDFRef[]>();
  /** Each labelled page's form XObject, by page: numbered when reserved, written when stamped. */
  private readonly labelForms = new Map<PDFRef, PDFRef>();
  /** The two content streams every labelled page draws around its own content and label. */
  private labelStreams: { open: PDFRef; draw: PDFRef } | undefined;
  private labelStreamsWritten = false;
  /** Objects numbered up to this one were flushed or are kept. */
  private flushedUpTo: number;
  private readonly file: PdfFileWriter;

  private constructor(
    readonly doc: PDFDocument,
    sink: ByteSink,
  ) {
    this.file = new PdfFileWriter(sink, doc.context);
    // The catalog and the page tree's root exist from the start and are written last.
    this.flushedUpTo = doc.context.largestObjectNumber;
  }

  static async create(sink: ByteSink): Promise<BundleAssembler> {
    // updateMetadata: false keeps pdf-lib from stamping the current time and its own name.
    return new BundleAssembler(await PDFDocument.create({ updateMetadata: false }), sink);
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /** Appends every page of a PDF (or inserts them at `at`). */
  async append(bytes: Uint8Array, at?: number, pageCount?: number): Promise<AppendedPart> {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    const markers = readOutlineMarkers(source);
    const copied = await this.doc.copyPages(source, source.getPageIndices().slice(0, pageCount));
    const start = at ?? this.pages.length;
    copied.forEach((page) => this.adopt(page));
    this.pages.splice(start, 0, ...copied);
    return { start, pages: copied.length, markers };
  }

  /**
   * Appends the padding page (or inserts it at `at`). The first time, it is copied from
   * `render()`; after that, each new padding page shares that page's content and resources, so
   * padding costs a few bytes a page.
   */
  async appendPadding(render: () => Promise<Uint8Array>): Promise<void> {
    await this.insertPadding(undefined, render);
  }

  async insertPadding(at: number | undefined, render: () => Promise<Uint8Array>): Promise<void> {
    const context = this.doc.context;
    if (!this.padding) {
      const { start } = await this.append(await render(), at);
      const page = this.live(start);
      const resources = page.node.get(NAME.Resources);
      const contents = page.node.get(NAME.Contents);
      const resourcesRef = resources instanceof PDFRef ? resources : context.register(page.node.lookup(NAME.Resources, PDFDict));
      page.node.set(NAME.Resources, resourcesRef);
      this.kept.add(resourcesRef);
      // Shared by every padding page: kept until the end, not written with this page.
      this.keptWith.set(page.ref, (this.keptWith.get(page.ref) ?? []).filter((ref) => ref !== resourcesRef));
      const contentsRef = contents instanceof PDFRef || contents === undefined ? contents : context.register(contents);
      if (!contentsRef) throw new Error('internal: the padding page has no content');
      page.node.set(NAME.Contents, contentsRef);
      this.padding = { contents: contentsRef, resources: resourcesRef, mediaBox: page.node.lookup(NAME.MediaBox, PDFArray) };
      return;
    }
    const node = PDFPageLeaf.withContextAndParent(context, this.treeRef);
    node.set(NAME.MediaBox, this.padding.mediaBox);
    node.set(NAME.Resources, this.padding.resources);
    node.set(NAME.Contents, this.padding.contents);
    const ref = context.register(node);
    this.kept.add(ref);
    this.keptWith.set(ref, []);
    this.pages.splice(at ?? this.pages.length, 0, PDFPage.of(node, ref, this.doc));
  }

  /**
   * Writes every object made since the last flush to the output and drops it from memory, but
   * for the pages and their resources (kept until `finish()`). Call it once a part is complete:
   * its objects must not be looked up again.
   */
  async flush(): Promise<void> {
    const context = this.doc.context;
    const objects: Array<[PDFRef, PDFObject]> = [];
    for (let n = this.flushedUpTo + 1; n <= context.largestObjectNumber; n++) {
      const ref = PDFRef.of(n);
      if (this.kept.has(ref)) continue;
      const object = context.lookup(ref);
      if (object !== undefined) objects.push([ref, object]);
    }
    this.flushedUpTo = context.largestObjectNumber;
    await this.file.writeObjects(objects);
    for (const [ref] of objects) context.delete(ref);
  }

  /**
   * Writes pages `from` to `to` (exclusive) out with what they keep, once nothing will change
   * them (their links resolved, their labels stamped), and forgets them but for their reference
   * and height. Release whole parts: pages of one part may share objects.
   */
  async release(from: number, to: number): Promise<void> {
    const context = this.doc.context;
    const objects: Array<[PDFRef, PDFObject]> = [];
    for (let index = from; index < to; index++) {
      const page = this.live(index);
      const height = page.getHeight();
      for (const ref of [page.ref, ...(this.keptWith.get(page.ref) ?? [])]) {
        const object = context.lookup(ref);
        if (object !== undefined && this.kept.delete(ref)) objects.push([ref, object]);
      }
      this.keptWith.delete(page.ref);
      this.pages[index] = { ref: page.ref, height };
    }
    await this.file.writeObjects(objects);
    for (const [ref] of objects) context.delete(ref);
  }

  /** Writes the page tree, outline, labels, metadata and whatever is still in memory, then the cross-reference table. */
  async finish(): Promise<void> {
    const context = this.doc.context;
    const tree = context.lookup(this.treeRef, PDFDict);
    tree.set(NAME.Kids, context.obj(this.pages.map((page) => page.ref)));
    tree.set(NAME.Count, PDFNumber.of(this.pages.length));
    await this.file.writeObjects(context.enumerateIndirectObjects());
    const info = context.trailerInfo.Info;
    await this.file.finish(context.trailerInfo.Root as PDFRef, info instanceof PDFRef ? info : undefined);
  }

  private get treeRef(): PDFRef {
    return this.doc.catalog.get(NAME.Pages) as PDFRef;
  }

  /** A page still in memory (not released): links and labels change only those. */
  private live(index: number): PDFPage {
    const page = this.pages[index];
    if (!(page instanceof PDFPage)) throw new Error(`internal: page ${index + 1} was already written out`);
    return page;
  }

  /** Makes a copied page one of the bundle's: in its page tree, kept in memory, its fonts retagged. */
  private adopt(page: PDFPage): void {
    const context = this.doc.context;
    page.node.set(PDFName.of('Parent'), this.treeRef);
    this.kept.add(page.ref);
    const keptWith: PDFRef[] = [];
    const resources = page.node.get(NAME.Resources);
    if (resources instanceof PDFRef) keptWith.push(resources);
    // Labels add to the page's XObjects: kept too when they are an object of their own.
    const xObjects = page.node.Resources()?.get(NAME.XObject);
    if (xObjects instanceof PDFRef) keptWith.push(xObjects);
    for (const ref of keptWith) this.kept.add(ref);
    this.keptWith.set(page.ref, keptWith);
    // An array of content streams is inlined, so that labels can extend it after a flush.
    const contents = page.node.get(NAME.Contents);
    if (contents instanceof PDFRef) {
      const array = context.lookup(contents);
      if (array instanceof PDFArray) page.node.set(NAME.Contents, array);
    }
    this.retagFonts(page);
  }

  /**
   * Points the links of the given pages at bundle pages: a link whose named destination is a key
   * of `targets` goes to the top of that page (0-based index), as an explicit destination.
   * @returns the names that had no target (a bug if not empty).
   */
  resolveLinks(pages: readonly number[], targets: ReadonlyMap<string, number>): string[] {
    const unresolved: string[] = [];
    for (const index of pages) {
      const annots = this.live(index).node.lookupMaybe(NAME.Annots, PDFArray);
      if (!annots) continue;
      for (let i = 0; i < annots.size(); i++) {
        const annot = annots.lookupMaybe(i, PDFDict);
        const action = annot?.lookupMaybe(NAME.A, PDFDict);
        if (!action || action.get(NAME.S) !== NAME.GoTo) continue;
        const name = action.lookup(NAME.D);
        if (!(name instanceof PDFString || name instanceof PDFHexString)) continue;
        const target = targets.get(name.decodeText());
        if (target === undefined) {
          unresolved.push(name.decodeText());
          continue;
        }
        action.set(NAME.D, this.destination(target));
      }
    }
    return unresolved;
  }

  /** Replaces the outline; the document opens with it shown. */
  setOutline(items: readonly OutlineItem[]): void {
    const context = this.doc.context;
    const root = context.obj({ Type: 'Outlines' });
    const rootRef = context.register(root);
    const visible = this.writeOutlineLevel(items, rootRef, root);
    root.set(NAME.Count, PDFNumber.of(visible));
    this.doc.catalog.set(NAME.Outlines, rootRef);
    this.doc.catalog.set(NAME.PageMode, NAME.UseOutlines);
  }

  /** Page labels for the whole document: `prefix` + a decimal number from `start`. */
  setPageLabels(prefix: string, start: number): void {
    const style = this.doc.context.obj({ S: 'D', St: start });
    if (prefix !== '') style.set(PDFName.of('P'), PDFHexString.fromText(prefix));
    this.doc.catalog.set(NAME.PageLabels, this.doc.context.obj({ Nums: [0, style] }));
  }

  /**
   * Makes room for a book label on each of pages `from` to `to` (exclusive), so that they can be
   * written out before the labels are drawn: the page draws a form XObject whose object number is
   * taken now and whose content `stampLabels` writes once every label is known. The page's own
   * content is wrapped in q/Q so that its transformations (React-PDF flips the y axis) do not move
   * the label; two small content streams are shared by every labelled page.
   */
  reserveLabels(from: number, to: number): void {
    const context = this.doc.context;
    this.labelStreams ??= { open: context.nextRef(), draw: context.nextRef() };
    const { open, draw } = this.labelStreams;
    for (let index = from; index < to; index++) {
      const page = this.live(index);
      if (this.labelForms.has(page.ref)) continue;
      const formRef = context.nextRef();
      this.labelForms.set(page.ref, formRef);
      // Resources may be shared (padding pages share theirs): the page gets its own copy.
      const pageResources = page.node.Resources()?.clone(context) ?? context.obj({});
      const xObjects = pageResources.lookupMaybe(NAME.XObject, PDFDict)?.clone(context) ?? context.obj({});
      xObjects.set(NAME.BookLabel, formRef);
      pageResources.set(NAME.XObject, xObjects);
      page.node.set(NAME.Resources, pageResources);
      const own = page.node.get(NAME.Contents);
      const ownArray = own === undefined ? undefined : context.lookup(own);
      const streams = ownArray instanceof PDFArray ? ownArray.asArray() : own === undefined ? [] : [own];
      page.node.set(NAME.Contents, context.obj([open, ...streams, draw]));
    }
  }

  /**
   * Prints book labels on pages: page i of `strips` (a PDF of label strips, see front.tsx
   * labelStrips) becomes the form XObject drawn, from the bottom-left corner, on bundle page
   * `pages[i]` (see `reserveLabels`; a page still in memory gets its room now). The strip keeps
   * its embedded font. Call it once the pages' parts are flushed.
   */
  async stampLabels(strips: Uint8Array, pages: readonly number[]): Promise<void> {
    const source = await PDFDocument.load(strips, { updateMetadata: false });
    if (source.getPageCount() !== pages.length) throw new Error(`internal: ${source.getPageCount()} label strips for ${pages.length} pages`);
    const context = this.doc.context;
    const copier = PDFObjectCopier.for(source.context, context);
    if (!this.labelStreamsWritten) {
      this.labelStreams ??= { open: context.nextRef(), draw: context.nextRef() };
      context.assign(this.labelStreams.open, context.stream('q\n'));
      context.assign(this.labelStreams.draw, context.stream(`Q\nq /${NAME.BookLabel.decodeText()} Do Q\n`));
      this.labelStreamsWritten = true;
    }
    const forms: Array<[PDFRef, PDFObject]> = [];
    source.getPages().forEach((strip, index) => {
      const pageIndex = pages[index]!;
      const page = this.pages[pageIndex]!;
      if (!this.labelForms.has(page.ref)) this.reserveLabels(pageIndex, pageIndex + 1);
      // The strip's content stream, copied as it is (already compressed), becomes the form.
      const contents = strip.node.lookup(NAME.Contents);
      if (!(contents instanceof PDFRawStream)) throw new Error('internal: a label strip is not one content stream');
      const form = copier.copy(contents);
      const resources = copier.copy(strip.node.Resources() ?? context.obj({}));
      form.dict.set(NAME.Type, NAME.XObject);
      form.dict.set(NAME.Subtype, NAME.Form);
      form.dict.set(NAME.BBox, copier.copy(strip.node.MediaBox()));
      form.dict.set(NAME.Resources, resources);
      this.retagFontsOf(resources);
      forms.push([this.labelForms.get(page.ref)!, form]);
    });
    // Written at once (their numbers are older than the last flush); the fonts they use follow
    // with the next flush.
    await this.file.writeObjects(forms);
    await this.flush();
  }

  setMetadata(metadata: BundleMetadata): void {
    this.doc.setTitle(metadata.title, { showInWindowTitleBar: true });
    this.doc.setSubject(metadata.subject);
    this.doc.setAuthor(metadata.author);
    this.doc.setCreator(metadata.creator);
    this.doc.setProducer(metadata.creator);
    this.doc.setLanguage(metadata.language);
    this.doc.setCreationDate(metadata.date);
    this.doc.setModificationDate(metadata.date);
  }

  /** The top of a page, at the reader's current zoom. */
  private destination(pageIndex: number): PDFArray {
    const page = this.pages[pageIndex]!;
    const height = page instanceof PDFPage ? page.getHeight() : page.height;
    return this.doc.context.obj([page.ref, NAME.XYZ, 0, height, PDFNull]) as PDFArray;
  }

  /** Writes one level of outline items under `parent`; returns how many items it shows when open. */
  private writeOutlineLevel(items: readonly OutlineItem[], parentRef: PDFRef, parent: PDFDict): number {
    const context = this.doc.context;
    const refs = items.map(() => context.nextRef());
    let visible = 0;
    items.forEach((item, index) => {
      const dict = context.obj({});
      dict.set(NAME.Title, PDFHexString.fromText(item.title));
      dict.set(NAME.Parent, parentRef);
      dict.set(NAME.Dest, this.destination(item.page));
      if (index > 0) dict.set(NAME.Prev, refs[index - 1]!);
      if (index < items.length - 1) dict.set(NAME.Next, refs[index + 1]!);
      const children = item.children ?? [];
      if (children.length > 0) {
        const shown = this.writeOutlineLevel(children, refs[index]!, dict);
        const open = item.open ?? true;
        dict.set(NAME.Count, PDFNumber.of(open ? shown : -shown));
        if (open) visible += shown;
      }
      context.assign(refs[index]!, dict);
      visible += 1;
    });
    if (refs.length > 0) {
      parent.set(NAME.First, refs[0]!);
      parent.set(NAME.Last, refs[refs.length - 1]!);
    }
    return visible;
  }

  /**
   * Gives each embedded font subset its own tag. React-PDF tags subsets by their order in one
   * document ("BAJJJJ+" for the first font of every packet), but different subsets in one PDF
   * must have different tags (ISO 32000-1, 9.6.4): a viewer may otherwise draw one packet's text
   * with another packet's subset.
   */
  private retagFonts(page: PDFPage): void {
    const resources = page.node.lookupMaybe(NAME.Resources, PDFDict);
    if (resources) this.retagFontsOf(resources);
  }

  private retagFontsOf(resources: PDFDict): void {
    const fonts = resources.lookupMaybe(NAME.Font, PDFDict);
    if (!fonts) return;
    for (const [, value] of fonts.entries()) {
      const key = value instanceof PDFRef ? value.toString() : undefined;
      if (key === undefined || this.renamedFonts.has(key)) continue;
      this.renamedFonts.add(key);
      const font = this.doc.context.lookup(value, PDFDict);
      const tag = subsetTag(this.fontTags++);
      const descendant = font.lookupMaybe(NAME.DescendantFonts, PDFArray)?.lookupMaybe(0, PDFDict);
      for (const dict of [font, descendant, (descendant ?? font).lookupMaybe(NAME.FontDescriptor, PDFDict)]) {
        if (!dict) continue;
        for (const key of [NAME.BaseFont, NAME.FontName]) {
          const name = dict.get(key);
          if (name instanceof PDFName) {
            const match = /^[A-Z]{6}\+(.*)$/.exec(name.decodeText());
            if (match) dict.set(key, PDFName.of(`${tag}+${match[1]}`));
          }
        }
      }
    }
  }
}

/** Six capital letters, one distinct tag per number. */
function subsetTag(n: number): string {
  let tag = '';
  let rest = n;
  for (let i = 0; i < 6; i++) {
    tag = String.fromCharCode(65 + (rest % 26)) + tag;
    rest = Math.floor(rest / 26);
  }
  return tag;
}

/** The top-level outline items of a PDF: title → 0-based index of the page it points to (first wins). */
/** How many pages a part has, and its outline markers, without joining it. */
/**
 * A part's page count and the link targets named on its last page, in order (the contents' last
 * page: which entry it starts with).
 */
export async function inspectLastPageLinks(bytes: Uint8Array): Promise<{ pages: number; lastPageTargets: string[] }> {
  const source = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = source.getPageCount();
  const targets: string[] = [];
  const annots = source.getPage(pages - 1).node.lookupMaybe(NAME.Annots, PDFArray);
  for (let i = 0; annots && i < annots.size(); i++) {
    const action = annots.lookupMaybe(i, PDFDict)?.lookupMaybe(NAME.A, PDFDict);
    const name = action?.get(NAME.S) === NAME.GoTo ? action.lookup(NAME.D) : undefined;
    if (name instanceof PDFString || name instanceof PDFHexString) targets.push(name.decodeText());
  }
  return { pages, lastPageTargets: targets };
}


function readOutlineMarkers(source: PDFDocument): Map<string, number> {
  const markers = new Map<string, number>();
  const pageIndex = new Map(source.getPages().map((page, index) => [page.ref.toString(), index]));
  let item = source.catalog.lookupMaybe(NAME.Outlines, PDFDict)?.lookupMaybe(NAME.First, PDFDict);
  const seen = new Set<PDFDict>();
  while (item && !seen.has(item)) {
    seen.add(item);
    const title = item.lookup(NAME.Title);
    const dest = item.lookupMaybe(NAME.Dest, PDFArray);
    const page = dest?.get(0);
    if ((title instanceof PDFString || title instanceof PDFHexString) && page instanceof PDFRef) {
      const index = pageIndex.get(page.toString());
      if (index !== undefined && !markers.has(title.decodeText())) markers.set(title.decodeText(), index);
    }
    item = item.lookupMaybe(NAME.Next, PDFDict);
  }
  return markers;
}
