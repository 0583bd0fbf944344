/**
 * The web app's src/bundle/cache.ts: no packet cache (it lives in files). The page never passes a
 * `cache` option, so `open` is never reached.
 */
export class PacketCache {
  static open(): never {
    throw new Error('the packet cache is not available in the web app');
  }
  key(): never {
    throw new Error('the packet cache is not available in the web app');
  }
  get(): never {
    throw new Error('the packet cache is not available in the web app');
  }
  put(): never {
    throw new Error('the packet cache is not available in the web app');
  }
  prune(): never {
    throw new Error('the packet cache is not available in the web app');
  }
}
