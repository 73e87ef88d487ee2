// The platform of browsers, workers, edge runtimes, Deno and Bun (and the default): fetch and Web
// Crypto, which they all have natively (see platform.ts).
import { webSigningCrypto } from './crypto.js';
import type { CreatePlatformIo } from './platform.js';
import { fetchTransport } from './transport.js';

export const PLATFORM_NAME = 'web';

export const createPlatformIo: CreatePlatformIo = (options) => ({
  crypto: webSigningCrypto(),
  send: fetchTransport(options.fetch),
});
