/** Where bytes go as they are made: a file being written, or memory. Chunks arrive in order. */
export interface ByteSink {
  write(bytes: Uint8Array): Promise<void>;
}

/** A sink that keeps the bytes, for callers that want the whole output in memory. */
export class MemorySink implements ByteSink {
  private readonly chunks: Uint8Array[] = [];

  async write(bytes: Uint8Array): Promise<void> {
    this.chunks.push(bytes);
  }

  bytes(): Uint8Array {
    const bytes = new Uint8Array(this.chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let at = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }
}
