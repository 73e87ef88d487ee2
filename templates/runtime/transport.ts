// One HTTP attempt: the caller's AbortSignal and the per-attempt timeout together, errors typed.
import { AcsNetworkError, AcsTimeoutError } from './errors.js';
import { abortError } from './retry.js';
import type { SignedRequest } from './sign-request.js';

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly bodyText: string;
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export async function send(
  fetchFn: Fetch,
  request: SignedRequest,
  options: { timeoutMs: number; signal?: AbortSignal | undefined },
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
    const bodyText = await response.text();
    return { status: response.status, headers: response.headers, bodyText };
  } catch (error) {
    if (options.signal?.aborted) throw abortError();
    if (timedOut) {
      throw new AcsTimeoutError({
        code: 'Client.Timeout',
        message: `No complete response within ${options.timeoutMs} ms.`,
        retryable: true,
      });
    }
    throw new AcsNetworkError({
      code: 'Client.NetworkError',
      message: `The connection failed: ${networkReason(error)}.`,
      retryable: true,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** The low-level reason (ECONNRESET, ECONNREFUSED, …) without the URL, which fetch may include. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'unknown error';
}
