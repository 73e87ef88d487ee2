// Both transports against real servers on 127.0.0.1, held to one behaviour: fetch (transport.ts, what
// browsers, edge runtimes, Deno and Bun use) and node:http (transport-node.ts, Node's default).
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { AcsAbortError, AcsNetworkError, AcsTimeoutError } from '../../../templates/runtime/errors.ts';
import type { SignedRequest } from '../../../templates/runtime/sign-request.ts';
import { fetchTransport, type Transport } from '../../../templates/runtime/transport.ts';
import { nodeTransport } from '../../../templates/runtime/transport-node.ts';
import { type FakeServer, startFakeServer } from '../../support/fake-server.ts';

const streaming = await startFakeServer((req, res) => {
  const kind = req.url.pathname;
  if (kind === '/forever') {
    res.writeHead(200, { 'x-acs-request-id': 'R-BIG' });
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const more = () => {
      while (res.write(chunk));
    };
    res.on('drain', more);
    more();
  } else if (kind === '/declared') {
    res.writeHead(200, { 'content-length': '8192', 'x-acs-request-id': 'R-LEN' });
    res.write(Buffer.alloc(1024, 0x61));
  } else if (kind === '/silent') {
    // Never answers.
  } else if (kind === '/redirect') {
    res.writeHead(302, { location: '/elsewhere' });
    res.end();
  } else if (kind === '/split') {
    res.writeHead(200, { 'content-type': 'application/json' });
    const bytes = Buffer.from('\ufeff{"A":"中文"}', 'utf8');
    for (const byte of bytes) res.write(Buffer.from([byte]));
    res.end();
  } else if (kind === '/reset') {
    res.writeHead(200, { 'content-length': '100' });
    res.write('{"partial":');
    setImmediate(() => res.socket?.destroy());
  } else {
    res.writeHead(201, [
      ['content-type', 'application/json'],
      ['x-acs-request-id', 'R'],
      ['x-multi', 'a'],
      ['x-multi', 'b'],
    ]);
    res.end(JSON.stringify({ method: req.method, body: req.body, echo: req.headers['x-acs-echo'] ?? null }));
  }
});
afterAll(() => streaming.close());

const request = (server: FakeServer, path: string, extra: Partial<SignedRequest> = {}): SignedRequest => ({
  method: 'GET',
  url: `${server.url}${path}?Signature=abc`,
  headers: { accept: 'application/json' },
  ...extra,
});

describe.each<[string, () => Transport]>([
  ['fetch', () => fetchTransport()],
  ['node:http', nodeTransport],
])('the %s transport', (_name, make) => {
  const send = make();

  it('returns status, headers (repeated ones joined) and text; sends method, headers and body', async () => {
    const got = await send(
      request(streaming, '/echo', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-acs-echo': 'E' },
        body: 'A=%E4%B8%AD',
      }),
      { timeoutMs: 5000 },
    );
    expect(got.status).toBe(201);
    expect(got.headers.get('x-acs-request-id')).toBe('R');
    expect(got.headers.get('x-multi')).toBe('a, b');
    expect(JSON.parse(got.bodyText)).toEqual({ method: 'POST', body: 'A=%E4%B8%AD', echo: 'E' });
    const sent = streaming.requests.at(-1)!;
    expect(sent.headers['content-length']).toBe('11');
    expect(sent.headers.host).toBe(new URL(streaming.url).host);
  });

  it('sends a GET without a body', async () => {
    await send(request(streaming, '/echo'), { timeoutMs: 5000 });
    const sent = streaming.requests.at(-1)!;
    expect(sent.method).toBe('GET');
    expect(sent.body).toBe('');
    expect(sent.headers['transfer-encoding']).toBeUndefined();
  });

  it('returns a redirect as it is, never following it with the signature', async () => {
    const got = await send(request(streaming, '/redirect'), { timeoutMs: 5000 });
    expect(got.status).toBe(302);
    expect(got.headers.get('location')).toBe('/elsewhere');
  });

  it('sends nothing when the signal is already aborted', async () => {
    const before = streaming.requests.length;
    const controller = new AbortController();
    controller.abort();
    const error = await send(request(streaming, '/echo'), {
      timeoutMs: 5000,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsAbortError);
    expect(streaming.requests.length).toBe(before);
  });

  it('ends a silent attempt after timeoutMs with a retryable AcsTimeoutError', async () => {
    const error = await send(request(streaming, '/silent'), { timeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsTimeoutError);
    expect(error).toMatchObject({
      code: 'Client.Timeout',
      message: 'No complete response within 20 ms.',
      retryable: true,
    });
  });

  it('turns the caller aborting mid-flight into AcsAbortError, and lets go of the signal', async () => {
    const controller = new AbortController();
    const pending = send(request(streaming, '/silent'), { timeoutMs: 60_000, signal: controller.signal });
    await until(() => streaming.requests.at(-1)?.url.pathname === '/silent');
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsAbortError);
    expect(error).toMatchObject({ code: 'Client.Aborted', retryable: false });
  });

  it('reports a refused connection as a retryable AcsNetworkError naming ECONNREFUSED, not the URL', async () => {
    const url = await closedPort();
    const error = await send(
      { method: 'GET', url: `${url}/?Signature=abc`, headers: {} },
      { timeoutMs: 5000 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsNetworkError);
    expect(error).toMatchObject({
      code: 'Client.NetworkError',
      message: 'The connection failed: ECONNREFUSED.',
      retryable: true,
    });
  });

  it('reports a connection cut mid-body as a retryable AcsNetworkError', async () => {
    const error = await send(request(streaming, '/reset'), { timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsNetworkError);
    expect(error).toMatchObject({ code: 'Client.NetworkError', retryable: true });
    expect((error as Error).message).not.toContain('Signature');
  });

  it('stops a body that never ends at maxResponseBytes, closing the connection, not retryable', async () => {
    const error = await send(request(streaming, '/forever'), {
      timeoutMs: 60_000,
      maxResponseBytes: 1 << 20,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'Client.ResponseTooLarge',
      message: `The response body is larger than ${1 << 20} bytes (maxResponseBytes); it was not read further.`,
      httpStatus: 200,
      requestId: 'R-BIG',
      retryable: false,
    });
  });

  it('refuses at once a body whose Content-Length is over the limit', async () => {
    const error = await send(request(streaming, '/declared'), {
      timeoutMs: 60_000,
      maxResponseBytes: 4096,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'Client.ResponseTooLarge', requestId: 'R-LEN', retryable: false });
  });

  it('decodes UTF-8 split across chunks and drops a leading BOM, as fetch text() does', async () => {
    expect((await send(request(streaming, '/split'), { timeoutMs: 5000 })).bodyText).toBe('{"A":"中文"}');
  });

  it('keeps answering after failures (its connections stay usable)', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await send(request(streaming, '/echo'), { timeoutMs: 5000 })).status).toBe(201);
    }
  });
});

describe('the node:http transport', () => {
  it('keeps the connection alive between calls', async () => {
    const sockets = new Set<Socket>();
    const server: Server = createServer((_req, res) => {
      sockets.add(res.socket as Socket);
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const send = nodeTransport();
      for (let i = 0; i < 3; i++) await send({ method: 'GET', url, headers: {} }, { timeoutMs: 5000 });
      expect(sockets.size).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the node:http transport, a kept-alive connection the server closed', () => {
  it('sends again on a new connection, once, when a reused connection is reset before any answer', async () => {
    // Each connection answers its first request and drops the next one unanswered: a server that
    // closed the idle connection as the request arrived.
    const sockets: Socket[] = [];
    const server = createTcpServer((socket) => {
      sockets.push(socket);
      let requests = 0;
      socket.on('data', () => {
        if (++requests === 1)
          socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nKeep-Alive: timeout=60\r\n\r\n{}');
        else socket.destroy();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const send = nodeTransport();
      const call = () => send({ method: 'POST', url, headers: {}, body: 'A=1' }, { timeoutMs: 5000 });
      expect((await call()).bodyText).toBe('{}');
      expect((await call()).bodyText).toBe('{}');
      expect(sockets).toHaveLength(2);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('does not send again when a new connection is reset: that is a network error', async () => {
    let connections = 0;
    const server = createTcpServer((socket) => {
      connections++;
      socket.on('data', () => socket.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const error = await nodeTransport()({ method: 'GET', url, headers: {} }, { timeoutMs: 5000 }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({
        code: 'Client.NetworkError',
        message: 'The connection failed: ECONNRESET.',
      });
      expect(connections).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/** The URL of a port nothing listens on (one just closed). */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** Waits, yielding to the event loop, until `done` holds (bounded by the test's timeout). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('the node:http transport, headers a middleware may have set', () => {
  it('sends what setHeader would: names differing in case merged, a given Host and Content-Length kept', async () => {
    const send = nodeTransport();
    await send(
      request(streaming, '/echo', {
        method: 'POST',
        headers: {
          'X-Acs-Echo': 'first',
          'x-acs-echo': 'E',
          Host: new URL(streaming.url).host,
          'content-length': '3',
        },
        body: 'A=1',
      }),
      { timeoutMs: 5000 },
    );
    const sent = streaming.requests.at(-1)!;
    expect(sent.headers['x-acs-echo']).toBe('E');
    expect(sent.headers.host).toBe(new URL(streaming.url).host);
    expect(sent.headers['content-length']).toBe('3');
    expect(sent.body).toBe('A=1');
  });
});
