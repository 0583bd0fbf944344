/**
 * Writes a PDF object by object, as the objects are finished, so that a document of any length
 * never has to be held whole: each object is serialised by pdf-lib and handed to a sink; the
 * offsets are recorded, and the cross-reference table and trailer close the file. Objects may be
 * written in any order (the table says where each one is).
 */
import { PDFName, type PDFContext, type PDFObject, type PDFRef } from 'pdf-lib';
import type { ByteSink } from '../io/sink.js';

// The second line's high bytes tell transfer tools the file is binary (ISO 32000-1, 7.5.2).
const HEADER = Uint8Array.from([...Buffer.from('%PDF-1.7\n%'), 0x81, 0x81, 0x81, 0x81, ...Buffer.from('\n\n')]);

export class PdfFileWriter {
  private offset = 0;
  /** Byte offset of each written object, by object number. */
  private readonly offsets: number[] = [];

  constructor(private readonly sink: ByteSink) {}

  /** Writes objects in the order given, as one chunk. */
  async writeObjects(objects: ReadonlyArray<readonly [PDFRef, PDFObject]>): Promise<void> {
    if (this.offset === 0) await this.emit(HEADER);
    if (objects.length === 0) return;
    const heads = objects.map(([ref]) => Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1'));
    const size = objects.reduce((sum, [, object], i) => sum + heads[i]!.length + object.sizeInBytes() + ENDOBJ.length, 0);
    const buffer = new Uint8Array(size);
    let at = 0;
    objects.forEach(([ref, object], i) => {
      if (this.offsets[ref.objectNumber] !== undefined) throw new Error(`internal: object ${ref.objectNumber} written twice`);
      this.offsets[ref.objectNumber] = this.offset + at;
      buffer.set(heads[i]!, at);
      at += heads[i]!.length;
      at += object.copyBytesInto(buffer, at);
      buffer.set(ENDOBJ, at);
      at += ENDOBJ.length;
    });
    await this.emit(buffer);
  }

  /** The cross-reference table and the trailer, naming the catalog and the document information. */
  async finish(context: PDFContext, root: PDFRef, info: PDFRef | undefined): Promise<void> {
    if (this.offset === 0) await this.emit(HEADER);
    const size = this.offsets.length;
    // Each entry is exactly 20 bytes (ISO 32000-1, 7.5.4); numbers never written are free.
    const entries = Array.from({ length: size }, (_, n) => {
      const offset = this.offsets[n];
      if (n === 0) return '0000000000 65535 f \n';
      return offset === undefined ? '0000000000 00000 f \n' : `${String(offset).padStart(10, '0')} 00000 n \n`;
    });
    const trailer = context.obj({ Size: size });
    trailer.set(PDFName.of('Root'), root);
    if (info) trailer.set(PDFName.of('Info'), info);
    const xrefAt = this.offset;
    await this.emit(Buffer.from(`xref\n0 ${size}\n${entries.join('')}trailer\n${trailer.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  }

  private async emit(bytes: Uint8Array): Promise<void> {
    await this.sink.write(bytes);
    this.offset += bytes.length;
  }
}

const ENDOBJ = Buffer.from('\nendobj\n\n', 'latin1');
