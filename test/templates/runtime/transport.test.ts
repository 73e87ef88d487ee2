// One HTTP attempt through an injected fetch: what fetch is given, and how timeouts, aborts and
// failed connections become typed errors (never quoting the URL, which holds the signature).
import { describe, expect, it } from 'vitest';
import {
  AcsAbortError,
  AcsNetworkError,
  AcsResponseError,
  AcsTimeoutError,
} from '../../../templates/runtime/errors.ts';
import type { SignedRequest } from '../../../templates/runtime/sign-request.ts';
import { DEFAULT_MAX_RESPONSE_BYTES, type Fetch, send } from '../../../templates/runtime/transport.ts';
import { startFakeServer } from '../../support/fake-server.ts';

const get: SignedRequest = {
  method: 'GET',
  url: 'http://127.0.0.1:9/?Signature=abc',
  headers: { accept: 'application/json' },
};
const post: SignedRequest = {
  method: 'POST',
  url: 'http://127.0.0.1:9/',
  headers: { 'content-type': 'x' },
  body: 'A=1',
};

/** A fetch that never answers, rejecting only when its signal aborts. */
const silent: Fetch = (_url, init) =>
  new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

describe('send', () => {
  it('gives fetch the method, headers, body, a signal and manual redirects; returns status, headers, text', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetchFn: Fetch = async (url, init) => {
      seen.push({ url, init });
      return new Response('{"a":1}', { status: 201, headers: { 'x-acs-request-id': 'R' } });
    };
    const got = await send(fetchFn, post, { timeoutMs: 1000 });
    expect(got.status).toBe(201);
    expect(got.bodyText).toBe('{"a":1}');
    expect(got.headers.get('x-acs-request-id')).toBe('R');
    const init = seen[0]!.init;
    expect(seen[0]!.url).toBe(post.url);
    expect(init).toMatchObject({ method: 'POST', headers: post.headers, body: 'A=1', redirect: 'manual' });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('sends no body key for a GET', async () => {
    let init: RequestInit = {};
    await send(
      async (_u, i) => {
        init = i;
        return new Response('');
      },
      get,
      { timeoutMs: 1000 },
    );
    expect('body' in init).toBe(false);
  });

  it('refuses at once when the signal is already aborted, without calling fetch', async () => {
    let called = false;
    const controller = new AbortController();
    controller.abort();
    const pending = send(
      async () => {
        called = true;
        return new Response('');
      },
      get,
      {
        timeoutMs: 1000,
        signal: controller.signal,
      },
    );
    await expect(pending).rejects.toBeInstanceOf(AcsAbortError);
    expect(called).toBe(false);
  });

  it('ends a silent attempt after timeoutMs with a retryable AcsTimeoutError', async () => {
    const error = await send(silent, get, { timeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsTimeoutError);
    expect(error).toMatchObject({
      code: 'Client.Timeout',
      message: 'No complete response within 1 ms.',
      retryable: true,
    });
  });

  it('turns the caller aborting mid-flight into AcsAbortError, not a timeout', async () => {
    const controller = new AbortController();
    const pending = send(silent, get, { timeoutMs: 60_000, signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsAbortError);
    expect(error).toMatchObject({ code: 'Client.Aborted', retryable: false });
  });

  it.each<[string, { thrown: unknown; message: string }]>([
    [
      'a cause code',
      {
        thrown: Object.assign(new TypeError('fetch failed http://x/?Signature=abc'), {
          cause: { code: 'ECONNRESET' },
        }),
        message: 'The connection failed: ECONNRESET.',
      },
    ],
    [
      'a cause without a code',
      {
        thrown: Object.assign(new TypeError('fetch failed'), { cause: { code: 7 } }),
        message: 'The connection failed: TypeError.',
      },
    ],
    ['a plain error', { thrown: new RangeError('x'), message: 'The connection failed: RangeError.' }],
    ['a non-error', { thrown: 'boom', message: 'The connection failed: unknown error.' }],
    ['undefined', { thrown: undefined, message: 'The connection failed: unknown error.' }],
  ])(
    'reports a failed connection with %s as a retryable AcsNetworkError',
    async (_name, { thrown, message }) => {
      const error = await send(() => Promise.reject(thrown), get, { timeoutMs: 1000 }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AcsNetworkError);
      expect(error).toMatchObject({ code: 'Client.NetworkError', message, retryable: true });
      expect((error as Error).cause).toBe(thrown);
    },
  );

  it('reports a bare TypeError (a browser: CORS or the network stopped it) as blocked, not retried', async () => {
    const thrown = new TypeError('Failed to fetch');
    const error = await send(() => Promise.reject(thrown), get, { timeoutMs: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsNetworkError);
    expect(error).toMatchObject({
      code: 'Client.RequestBlocked',
      message: 'The request was blocked before it reached the server (CORS or network).',
      retryable: false,
    });
    expect((error as Error).cause).toBe(thrown);
  });

  it('clears its timer and its abort listener once done', async () => {
    const controller = new AbortController();
    const added: unknown[] = [];
    const removed: unknown[] = [];
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((type: string, fn: EventListener, o?: AddEventListenerOptions) => {
      added.push(fn);
      add(type, fn, o);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((type: string, fn: EventListener) => {
      removed.push(fn);
      remove(type, fn);
    }) as typeof signal.removeEventListener;
    let inner: AbortSignal | undefined;
    await send(
      async (_u, init) => {
        inner = init.signal ?? undefined;
        return new Response('ok');
      },
      get,
      {
        timeoutMs: 1,
        signal,
      },
    );
    expect(added).toHaveLength(1);
    expect(removed).toEqual(added);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(inner?.aborted).toBe(false);
  });
});

/** A body of `chunks` chunks of `size` bytes (endless when chunks is Infinity), counting what was
 * pulled and whether the reader cancelled it. */
function streamed(size: number, chunks: number, headers: Record<string, string> = {}) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= chunks) return controller.close();
      seen.pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  const fetchFn: Fetch = async () =>
    new Response(body, { headers: { 'x-acs-request-id': 'R-BIG', ...headers } });
  return { fetchFn, seen };
}

describe('send, the size limit', () => {
  it('refuses a body that never ends once it passes maxResponseBytes, cancelling it, not retryable', async () => {
    const { fetchFn, seen } = streamed(1024, Number.POSITIVE_INFINITY);
    const error = await send(fetchFn, get, { timeoutMs: 60_000, maxResponseBytes: 4096 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AcsResponseError);
    expect(error).toMatchObject({
      code: 'Client.ResponseTooLarge',
      message: 'The response body is larger than 4096 bytes (maxResponseBytes); it was not read further.',
      httpStatus: 200,
      requestId: 'R-BIG',
      retryable: false,
    });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(6);
  });

  it('refuses at once a body whose Content-Length is over the limit, reading none of it', async () => {
    const { fetchFn, seen } = streamed(1024, 8, { 'content-length': '8192' });
    await expect(send(fetchFn, get, { timeoutMs: 60_000, maxResponseBytes: 4096 })).rejects.toMatchObject({
      code: 'Client.ResponseTooLarge',
    });
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });

  it('reads a body of exactly the limit, and decodes UTF-8 split across chunks', async () => {
    const { fetchFn } = streamed(1024, 4);
    expect((await send(fetchFn, get, { timeoutMs: 60_000, maxResponseBytes: 4096 })).bodyText).toBe(
      'a'.repeat(4096),
    );
    const bytes = new TextEncoder().encode('\ufeff{"A":"中文"}');
    const split: Fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
            controller.close();
          },
        }),
      );
    expect((await send(split, get, { timeoutMs: 60_000 })).bodyText).toBe('{"A":"中文"}');
  });

  it('stops a real server that streams forever, closing the connection', async () => {
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const server = await startFakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      const more = () => {
        while (res.write(chunk));
      };
      res.on('drain', more);
      res.on('close', closed);
      more();
    });
    try {
      const request = { ...get, url: `${server.url}/` };
      await expect(
        send(globalThis.fetch, request, { timeoutMs: 60_000, maxResponseBytes: 1 << 20 }),
      ).rejects.toMatchObject({
        code: 'Client.ResponseTooLarge',
      });
      await connectionClosed;
    } finally {
      await server.close();
    }
  });

  it('holds 10 MiB by default', async () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(10 * 1024 * 1024);
    const { fetchFn } = streamed(1024 * 1024, Number.POSITIVE_INFINITY);
    await expect(send(fetchFn, get, { timeoutMs: 60_000 })).rejects.toMatchObject({
      code: 'Client.ResponseTooLarge',
      message: `The response body is larger than ${10 * 1024 * 1024} bytes (maxResponseBytes); it was not read further.`,
    });
  });
});
