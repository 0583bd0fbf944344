/**
 * The web app's src/bundle/pool.ts: no worker threads, so every packet is drawn in the page (the
 * bundle's bytes do not depend on where a packet was drawn).
 */
export function workerScript(): undefined {
  return undefined;
}

export class PacketPool {
  static outOfMemory(): boolean {
    return false;
  }
  constructor() {
    throw new Error('worker threads are not available in the web app');
  }
}
