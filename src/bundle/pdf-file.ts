/**
 * Writes a PDF object by object, as the objects are finished, so that a document of any length
 * never has to be held whole. Each batch is serialised by pdf-lib and handed to a sink: streams as
 * they are, the other objects packed into compressed object streams (as pdf-lib's own `save`
 * does, which keeps the file as small as a document saved whole). A cross-reference stream closes
 * the file. Objects may be written in any order (the cross-reference stream says where each is).
 */
import {
  PDFCrossRefStream,
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

type Entry = { ref: PDFRef; offset: number } | { ref: PDFRef; stream: PDFRef; index: number };

export class PdfFileWriter {
  private offset = 0;
  /** Where each written object is: at a byte offset, or inside an object stream. */
  private readonly entries: Entry[] = [];

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
      chunk.forEach(([ref], index) => this.entries.push({ ref, stream: streamRef, index }));
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
    const xref = PDFCrossRefStream.create(trailer, true);
    const xrefRef = this.context.nextRef();
    const xrefAt = this.offset;
    this.entries.push({ ref: xrefRef, offset: xrefAt });
    // The stream's index assumes entries in object-number order.
    for (const entry of [...this.entries].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber)) {
      if ('offset' in entry) xref.addUncompressedEntry(entry.ref, entry.offset);
      else xref.addCompressedEntry(entry.ref, entry.stream, entry.index);
    }
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
      this.entries.push({ ref, offset: this.offset + at });
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

/** The bytes of ASCII text (no Buffer: the page's coach mode runs this in a browser). */
function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}
