// startServer: the reference endpoint for any generated package(s), for tests and `acs-rpc serve`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeSigningCrypto } from '../templates/runtime/crypto-node.ts';
import { DEFAULT_KEYS, type KeyPair } from './auth/credentials.ts';
import { NonceRegistry } from './auth/nonces.ts';
import type { ServerFaults } from './faults/inject.ts';
import { FingerprintCounter, RateLimiter } from './faults/limits.ts';
import { handle, type ServerState } from './handle.ts';
import { clientErrorHandler, connectHandler } from './http/client-error.ts';
import type { CorsPolicy } from './http/cors.ts';
import { DEFAULT_LIMITS, type RequestLimits, realTimer, type StartTimer } from './http/limits.ts';
import { type ServiceFacts, ServiceTable } from './services.ts';
import { loadSeed, type Seed } from './state/seed.ts';

/** The request line and headers together; more is InvalidParameter (400) and a closed connection. */
export const MAX_HEADER_BYTES = 64 * 1024;

export interface ServerOptions {
  /** What each generated package exports as `conformanceFacts` (`<pkg>/conformance`); one or more. */
  readonly services: readonly ServiceFacts[];
  readonly port?: number;
  readonly host?: string;
  /** Starting state, one seed (or seed file) per product; none: the state model starts empty. */
  readonly seeds?: readonly (Seed | string)[];
  /** How many reads show a transitional state before it settles (default 1; server/README.md). */
  readonly settleAfterReads?: number;
  readonly credentials?: readonly KeyPair[];
  readonly faults?: ServerFaults;
  /** What one request may be (server/README.md, "Limits"); each one left out keeps its default. */
  readonly limits?: Partial<RequestLimits>;
  /** One line per request, secrets never included; off by default. */
  readonly accessLog?: (line: string) => void;
  /** The server's clock (timestamp window, nonces, rate limits), for tests. */
  readonly now?: () => number;
  /** How added latency waits, for tests; default a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** How a body's deadline is kept, for tests (which fire it themselves); default a timer. */
  readonly timer?: StartTimer;
  /** Which browser origins may call (server/README.md, "CORS"); default `loopback`. */
  readonly cors?: CorsPolicy;
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const seeds = await Promise.all(
    (options.seeds ?? []).map((s) => (typeof s === 'object' ? s : loadSeed(s))),
  );
  const table = new ServiceTable(options.services, seeds, options.settleAfterReads ?? 1);
  const auth: ServerState['auth'] = {
    keys: new Map((options.credentials ?? DEFAULT_KEYS).map((k) => [k.accessKeyId, k])),
    nonces: new NonceRegistry(table.widestWindowSeconds * 2 * 1000),
    now,
    lastTimestamp: { text: '', time: Number.NaN },
    crypto: nodeSigningCrypto(),
  };
  const state: ServerState = {
    auth,
    authOf: new Map(table.services.map((s) => [s, { ...auth, windowSeconds: table.windowSeconds(s) }])),
    table,
    faults: options.faults ?? {},
    limiter: new RateLimiter(),
    counter: new FingerprintCounter(),
    now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    served: 0,
    log: options.accessLog,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    timer: options.timer ?? realTimer,
    cors: options.cors ?? 'loopback',
    date: { second: Number.NaN, text: '' },
  };
  const server = createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      // A Host-less HTTP/1.1 request gets an envelope from the handler, not Node's bare 400.
      requireHostHeader: false,
      // Slow headers are answered within a second of their 10 s, not up to 30 s later.
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => handle(req, res, state),
  );
  server.on('clientError', clientErrorHandler(table));
  server.on('connect', connectHandler(table));
  server.headersTimeout = 10_000;
  // The body's deadline is the handler's (`limits.bodyTimeoutMs`), answered with an envelope when it
  // is due; Node's own would answer a bare 408 up to a checking interval late, racing the handler.
  server.requestTimeout = 0;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
