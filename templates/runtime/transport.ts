// One HTTP attempt over fetch (browsers, edge runtimes, Deno, Bun, and any fetch a user passes): the
// caller's AbortSignal and the per-attempt timeout together, the body read no further than the size
// limit, errors typed. Node's own transport is transport-node.ts, held to the same behaviour.
import { AcsError, AcsNetworkError } from './errors.js';
import type { SignedRequest } from './sign-request.js';
import {
  abortError,
  DEFAULT_MAX_RESPONSE_BYTES,
  networkError,
  timeoutError,
  tooLargeError,
} from './transport-errors.js';

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly bodyText: string;
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export { DEFAULT_MAX_RESPONSE_BYTES } from './transport-errors.js';

export interface SendOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  /** The body is read as it streams and refused once it passes this many bytes. */
  readonly maxResponseBytes?: number | undefined;
}

/** One attempt on some transport: what the client calls, whichever platform it runs on. */
export type Transport = (request: SignedRequest, options: SendOptions) => Promise<RawResponse>;

/** The fetch transport: the given fetch, else the global one as it is at each call. */
export function fetchTransport(fetchFn?: Fetch): Transport {
  return (request, options) => send(fetchFn ?? globalThis.fetch, request, options);
}

export async function send(
  fetchFn: Fetch,
  request: SignedRequest,
  options: SendOptions,
): Promise<RawResponse> {
  if (options.signal?.aborted) throw abortError();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetchFn(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: controller.signal,
      redirect: 'manual',
    });
    const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const bodyText = await readText(response, limit, () => controller.abort());
    return { status: response.status, headers: response.headers, bodyText };
  } catch (error) {
    if (error instanceof AcsError) throw error;
    if (options.signal?.aborted) throw abortError();
    if (timedOut) throw timeoutError(options.timeoutMs);
    // A browser's fetch refuses with a bare TypeError, no cause, when CORS or the network stopped the
    // request before any server saw it: retrying cannot change that (Node's fetch always names a cause).
    if (error instanceof TypeError && (error as { cause?: unknown }).cause === undefined)
      throw new AcsNetworkError({
        code: 'Client.RequestBlocked',
        message: 'The request was blocked before it reached the server (CORS or network).',
        retryable: false,
        cause: error,
      });
    throw networkError(error);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The body as text (UTF-8, as `response.text()` decodes it), refused with a typed error as soon as
 * it passes `limit` bytes, or at once when its Content-Length says it will: a body that never ends
 * must not grow the process, and a larger answer will not shrink on a retry.
 */
async function readText(response: Response, limit: number, stop: () => void): Promise<string> {
  const tooLarge = () => {
    stop();
    return tooLargeError(limit, response.status, response.headers.get('x-acs-request-id') ?? undefined);
  };
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (response.body == null) {
    // A fetch without body streams (some polyfills): the text, judged after the fact.
    const text = await response.text();
    if (text.length > limit) throw tooLarge();
    return text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a tee'd body (a cloned Response) settles its cancel only when both branches do.
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}
