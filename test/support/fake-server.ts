// A scriptable HTTP server on 127.0.0.1 for client tests: each request is recorded and answered by
// the next handler in the script (or the default), so a test can stage failures then success.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export type Handler = (req: Recorded, res: ServerResponse) => void | Promise<void>;

export interface FakeServer {
  readonly url: string;
  readonly requests: Recorded[];
  /** Handlers for the next requests, in order; after them, the default answers. */
  script(...handlers: Handler[]): void;
  /** Forgets recorded requests and any handlers not yet used. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeServer(fallback: Handler): Promise<FakeServer> {
  const requests: Recorded[] = [];
  const queue: Handler[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded = {
      method: req.method ?? '',
      url: new URL(req.url ?? '/', 'http://127.0.0.1'),
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(recorded);
    await (queue.shift() ?? fallback)(recorded, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...handlers) => queue.push(...handlers),
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
}

export function text(status: number, contentType: string | undefined, body: string): Handler {
  return (_req, res) => {
    res.writeHead(status, contentType === undefined ? {} : { 'content-type': contentType });
    res.end(body);
  };
}

export function errorBody(code: string, message = `${code} happened.`): Record<string, string> {
  return {
    RequestId: `REQ-${code}`,
    HostId: 'ecs.aliyuncs.com',
    Code: code,
    Message: message,
    Recommend: 'https://example.invalid/r',
  };
}

/** Destroys the connection without an answer, as a reset would. */
export const reset: Handler = (req, res) => {
  res.socket?.destroy();
  void req;
};
