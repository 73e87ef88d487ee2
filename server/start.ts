// startServer: the reference ECS endpoint, for tests and for `acs-rpc serve`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ecsService } from '@acs-rpc/ecs';
import { DEFAULT_KEYS, type KeyPair } from './auth/credentials.ts';
import { NonceRegistry } from './auth/nonces.ts';
import type { ServerFaults } from './faults/inject.ts';
import { FingerprintCounter, RateLimiter } from './faults/limits.ts';
import { handle, type ServerState } from './handle.ts';
import { answerClientError } from './http/client-error.ts';
import { Inventory } from './state/inventory.ts';
import { loadSeed, type Seed } from './state/seed.ts';

/** The request line and headers together; more is InvalidParameter (400) and a closed connection. */
export const MAX_HEADER_BYTES = 64 * 1024;

export interface ServerOptions {
  readonly port?: number;
  readonly host?: string;
  /** A seed (or a seed file); default server/seed.yaml. */
  readonly seed?: Seed | string;
  readonly credentials?: readonly KeyPair[];
  readonly faults?: ServerFaults;
  /** One line per request, secrets never included; off by default. */
  readonly accessLog?: (line: string) => void;
  /** The server's clock (timestamp window, nonces, rate limits), for tests. */
  readonly now?: () => number;
  /** How added latency waits, for tests; default a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const seed = typeof options.seed === 'object' ? options.seed : await loadSeed(options.seed);
  const windowSeconds = ecsService.protocol?.timestampWindowSeconds ?? 900;
  const state: ServerState = {
    auth: {
      keys: new Map((options.credentials ?? DEFAULT_KEYS).map((k) => [k.accessKeyId, k])),
      nonces: new NonceRegistry(windowSeconds * 2 * 1000),
      now,
      windowSeconds,
    },
    inventory: new Inventory(seed),
    faults: options.faults ?? {},
    limiter: new RateLimiter(),
    counter: new FingerprintCounter(),
    now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    served: 0,
    log: options.accessLog,
  };
  const server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES },
    (req, res) => void handle(req, res, state),
  );
  server.on('clientError', answerClientError);
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
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
