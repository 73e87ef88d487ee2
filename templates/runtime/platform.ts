// What differs between runtimes, and nothing else: the crypto signing uses and the transport a call
// goes out on. The package.json `imports` map chooses `#platform` by condition: platform-node.ts
// under `node`, platform-web.ts for browsers, workers, edge runtimes, Deno, Bun and by default, so a
// browser bundle never meets a node: import. Both variants have this one shape, so their types agree
// whichever a TypeScript resolution picks.
import type { SigningCrypto } from './crypto.js';
import type { Fetch, Transport } from './transport.js';

/** What one client holds for its life: a crypto with its derived keys, a transport with its sockets. */
export interface PlatformIo {
  readonly crypto: SigningCrypto;
  readonly send: Transport;
}

export interface PlatformOptions {
  /** A user's fetch: whatever the platform, calls go through it. */
  readonly fetch?: Fetch | undefined;
}

export type CreatePlatformIo = (options: PlatformOptions) => PlatformIo;
