/**
 * Writes a PDF object by object, as the objects are finished, so that a document of any length
 * never has to be held whole. Each batch is serialised by pdf-lib and handed to a sink: streams as
 * they are, the other objects packed into compressed object streams (as pdf-lib's own `save`
 * does, which keeps the file as small as a document saved whole). A cross-reference stream closes
 * the file. Objects may be written in any order (the cross-reference stream says where each is).
 */
import {
  PDFDict,
  PDFFlateStream,
  PDFName,
  PDFNumber,
  PDFObjectStream,
  PDFRef,
  PDFStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import type { ByteSink } from '../io/sink.js';

// The second line's high bytes tell transfer tools the file is binary (ISO 32000-1, 7.5.2).
const HEADER = Uint8Array.from([...ascii('%PDF-1.7\n%'), 0x81, 0x81, 0x81, 0x81, ...ascii('\n\n')]);
const ENDOBJ = ascii('\nendobj\n\n');
/** As pdf-lib's `save` packs them. */
const OBJECTS_PER_STREAM = 50;

export class PdfFileWriter {
  private offset = 0;
  /** Where each written object is: at a byte offset, or inside an object stream. */
  private readonly xref = new CrossReferenceTable();

  constructor(
    private readonly sink: ByteSink,
    private readonly context: PDFContext,
  ) {}

  /** Writes a batch of objects as one chunk: streams as they are, the rest in object streams. */
  async writeObjects(objects: ReadonlyArray<readonly [PDFRef, PDFObject]>): Promise<void> {
    if (this.offset === 0) await this.emit(HEADER);
    const direct: Array<readonly [PDFRef, PDFObject]> = [];
    const packed: Array<[PDFRef, PDFObject]> = [];
    for (const [ref, object] of objects) {
      if (object instanceof PDFStream || ref.generationNumber !== 0) direct.push([ref, object]);
      else packed.push([ref, object]);
    }
    for (let at = 0; at < packed.length; at += OBJECTS_PER_STREAM) {
      const chunk = packed.slice(at, at + OBJECTS_PER_STREAM);
      const streamRef = this.context.nextRef();
      chunk.forEach(([ref], index) => this.xref.set(ref.objectNumber, IN_STREAM, streamRef.objectNumber, index));
      direct.push([streamRef, PDFObjectStream.withContextAndObjects(this.context, chunk, true)]);
    }
    await this.writeDirect(direct);
  }

  /** The cross-reference stream, which also names the catalog and the document information. */
  async finish(root: PDFRef, info: PDFRef | undefined): Promise<void> {
    if (this.offset === 0) await this.emit(HEADER);
    const trailer = this.context.obj({});
    trailer.set(PDFName.of('Root'), root);
    if (info) trailer.set(PDFName.of('Info'), info);
    const xrefRef = this.context.nextRef();
    const xrefAt = this.offset;
    this.xref.set(xrefRef.objectNumber, AT_OFFSET, xrefAt, xrefRef.generationNumber);
    const xref = new CrossReferenceStream(trailer, this.xref);
    xref.dict.set(PDFName.of('Size'), PDFNumber.of(xrefRef.objectNumber + 1));
    await this.writeDirect([[xrefRef, xref]]);
    await this.emit(ascii(`startxref\n${xrefAt}\n%%EOF\n`));
  }

  private async writeDirect(objects: ReadonlyArray<readonly [PDFRef, PDFObject]>): Promise<void> {
    if (objects.length === 0) return;
    const heads = objects.map(([ref]) => ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    const size = objects.reduce((sum, [, object], i) => sum + heads[i]!.length + object.sizeInBytes() + ENDOBJ.length, 0);
    const buffer = new Uint8Array(size);
    let at = 0;
    objects.forEach(([ref, object], i) => {
      this.xref.set(ref.objectNumber, AT_OFFSET, this.offset + at, ref.generationNumber);
      buffer.set(heads[i]!, at);
      at += heads[i]!.length;
      at += object.copyBytesInto(buffer, at);
      buffer.set(ENDOBJ, at);
      at += ENDOBJ.length;
    });
    await this.emit(buffer);
  }

  private async emit(bytes: Uint8Array): Promise<void> {
    await this.sink.write(bytes);
    this.offset += bytes.length;
  }
}

const FREE = 0;
const AT_OFFSET = 1;
const IN_STREAM = 2;

/**
 * The cross-reference table by object number, in typed arrays: a bundle of thousands of learners
 * has hundreds of thousands of objects, and an object per entry would grow the heap with the
 * cohort. Object 0 heads the free list (generation 65535), as ISO 32000-1, 7.5.4 has it.
 */
class CrossReferenceTable {
  private types = new Uint8Array(1024);
  /** The byte offset, or the object stream's number. */
  private seconds = new Float64Array(1024);
  /** The generation, or the index inside the object stream. */
  private thirds = new Uint16Array(1024);
  size = 1;

  constructor() {
    this.set(0, FREE, 0, 65535);
  }

  set(objectNumber: number, type: number, second: number, third: number): void {
    if (objectNumber >= this.types.length) this.grow(objectNumber + 1);
    this.types[objectNumber] = type;
    this.seconds[objectNumber] = second;
    this.thirds[objectNumber] = third;
    this.size = Math.max(this.size, objectNumber + 1);
  }

  /** The written objects' numbers, in order (numbers never written have no entry). */
  *numbers(): Generator<number> {
    for (let n = 0; n < this.size; n++) if (n === 0 || this.types[n] !== FREE) yield n;
  }

  row(objectNumber: number): [number, number, number] {
    return [this.types[objectNumber]!, this.seconds[objectNumber]!, this.thirds[objectNumber]!];
  }

  private grow(atLeast: number): void {
    const length = Math.max(atLeast, this.types.length * 2);
    const types = new Uint8Array(length);
    const seconds = new Float64Array(length);
    const thirds = new Uint16Array(length);
    types.set(this.types);
    seconds.set(this.seconds);
    thirds.set(this.thirds);
    [this.types, this.seconds, this.thirds] = [types, seconds, thirds];
  }
}

/**
 * The cross-reference stream (ISO 32000-1, 7.5.8) of a table: each field as wide as its widest
 * value, and an /Index of the runs of consecutive object numbers; its dictionary's keys in the
 * order pdf-lib's own cross-reference stream writes them, so the bytes are the ones `save` makes.
 */
class CrossReferenceStream extends PDFFlateStream {
  private readonly widths: [number, number, number] = [0, 0, 0];
  private readonly index: number[] = [];
  private readonly rows: number;

  constructor(
    dict: PDFDict,
    private readonly table: CrossReferenceTable,
  ) {
    super(dict, true);
    dict.set(PDFName.of('Type'), PDFName.of('XRef'));
    let previous = -2;
    let rows = 0;
    for (const n of table.numbers()) {
      const row = table.row(n);
      row.forEach((value, field) => (this.widths[field] = Math.max(this.widths[field]!, byteWidth(value))));
      if (n !== previous + 1) this.index.push(n, 0);
      this.index[this.index.length - 1]! += 1;
      previous = n;
      rows++;
    }
    this.rows = rows;
  }

  override getUnencodedContents(): Uint8Array {
    const rowWidth = this.widths[0] + this.widths[1] + this.widths[2];
    const bytes = new Uint8Array(rowWidth * this.rows);
    let at = 0;
    for (const n of this.table.numbers()) {
      this.table.row(n).forEach((value, field) => {
        for (let shift = this.widths[field]! - 1; shift >= 0; shift--) bytes[at++] = Math.floor(value / 256 ** shift) % 256;
      });
    }
    return bytes;
  }

  override updateDict(): void {
    super.updateDict();
    this.dict.set(PDFName.of('W'), this.dict.context.obj(this.widths));
    this.dict.set(PDFName.of('Index'), this.dict.context.obj(this.index));
  }
}

/** The bytes a field needs for `value` (at least one, as pdf-lib counts them). */
function byteWidth(value: number): number {
  return Math.max(1, Math.ceil(value.toString(2).length / 8));
}

/** The bytes of ASCII text (no Buffer: the page's coach mode runs this in a browser). */
function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}
