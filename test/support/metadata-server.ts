// A stand-in for the ECS instance metadata service on 127.0.0.1: session tokens (IMDSv2), the role
// listing and the role's credentials document, each configurable, every request recorded.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MetadataRequest {
  readonly method: string;
  readonly path: string;
  readonly token: string | undefined;
  readonly ttl: string | undefined;
}

export interface MetadataState {
  /** The role attached to the instance; '' for none. */
  role: string;
  /** `v2-only`: reads without a token get 401; `v1-only`: the token endpoint answers 404;
   * `token-refused`: tokens are issued, but reads that carry one get 403. */
  mode: 'both' | 'v2-only' | 'v1-only' | 'token-refused';
  /** The credentials document for the nth fetch (1-based), or a raw body. */
  document: (n: number) => unknown;
  /** Status of the credentials read. */
  status: number;
  /** Never answer (a service that hangs). */
  hang: boolean;
}

export interface MetadataServer {
  readonly url: string;
  readonly requests: MetadataRequest[];
  readonly state: MetadataState;
  /** Back to the initial state: no requests, no tokens issued, the fetch count at 0. */
  reset(): void;
  close(): Promise<void>;
}

export function roleDocument(n: number, expiration: string): Record<string, string> {
  return {
    AccessKeyId: `STS.id-${n}`,
    AccessKeySecret: `imds-secret-${n}`,
    SecurityToken: `imds-token-${n}`,
    Expiration: expiration,
    LastUpdated: '2026-12-06T00:00:00Z',
    Code: 'Success',
  };
}

const PREFIX = '/latest/meta-data/ram/security-credentials/';

export async function startMetadataServer(initial: Partial<MetadataState> = {}): Promise<MetadataServer> {
  const requests: MetadataRequest[] = [];
  const start = (): MetadataState => ({
    role: 'test-role',
    mode: 'both',
    document: (n) => roleDocument(n, '2026-12-06T12:00:00Z'),
    status: 200,
    hang: false,
    ...initial,
  });
  const state = start();
  let tokens = 0;
  let fetches = 0;
  const issued = new Set<string>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const token = header(req, 'x-aliyun-ecs-metadata-token');
    requests.push({
      method: req.method ?? '',
      path,
      token,
      ttl: header(req, 'x-aliyun-ecs-metadata-token-ttl-seconds'),
    });
    if (state.hang) return;
    const answer = (status: number, body: string) => res.writeHead(status).end(body);
    if (req.method === 'PUT' && path === '/latest/api/token') {
      if (state.mode === 'v1-only') return answer(404, 'Not Found');
      const issuedToken = `token-${++tokens}`;
      issued.add(issuedToken);
      return answer(200, issuedToken);
    }
    if (req.method !== 'GET') return answer(405, '');
    if (token !== undefined && (!issued.has(token) || state.mode === 'token-refused')) return answer(403, '');
    if (token === undefined && state.mode === 'v2-only') return answer(401, '');
    if (path === PREFIX) return state.role === '' ? answer(404, '') : answer(200, `${state.role}\n`);
    if (path === `${PREFIX}${state.role}`) {
      const doc = state.document(++fetches);
      return answer(state.status, typeof doc === 'string' ? doc : JSON.stringify(doc));
    }
    return answer(404, '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    state,
    reset: () => {
      Object.assign(state, start());
      requests.length = 0;
      tokens = 0;
      fetches = 0;
      issued.clear();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
