// The platform of Node: node:http keep-alive and synchronous node:crypto (see platform.ts). A
// user's own fetch still gets the fetch transport.
import { nodeSigningCrypto } from './crypto-node.js';
import type { CreatePlatformIo } from './platform.js';
import { fetchTransport } from './transport.js';
import { nodeTransport } from './transport-node.js';

export const PLATFORM_NAME = 'node';

export const createPlatformIo: CreatePlatformIo = (options) => ({
  crypto: nodeSigningCrypto(),
  send: options.fetch === undefined ? nodeTransport() : fetchTransport(options.fetch),
});
