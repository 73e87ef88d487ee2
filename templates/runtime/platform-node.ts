// The platform of Node: node:http keep-alive and synchronous node:crypto (see platform.ts). A
// user's own fetch still gets the fetch transport, loaded when such a client first calls: other
// programs on Node never carry it.
import { nodeSigningCrypto } from './crypto-node.js';
import type { CreatePlatformIo } from './platform.js';
import type { Fetch, Transport } from './transport.js';
import { nodeTransport } from './transport-node.js';

export const PLATFORM_NAME = 'node';

export const createPlatformIo: CreatePlatformIo = (options) => ({
  crypto: nodeSigningCrypto(),
  send: options.fetch === undefined ? nodeTransport() : lazyFetchTransport(options.fetch),
});

function lazyFetchTransport(fetchFn: Fetch): Transport {
  let loaded: Promise<Transport> | undefined;
  return async (request, options) => {
    loaded ??= import('./transport.js').then((m) => m.fetchTransport(fetchFn));
    return (await loaded)(request, options);
  };
}
