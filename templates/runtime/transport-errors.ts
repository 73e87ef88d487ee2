// The errors an HTTP attempt ends with, the same whichever transport made it (transport.ts over
// fetch, transport-node.ts over node:http): the user's code and the retry policy see one behaviour.
import { AcsAbortError, AcsNetworkError, AcsResponseError, AcsTimeoutError } from './errors.js';

/** The largest body read by default: far above any RPC answer (a page of 100 instances is well under
 * 1 MiB), and small enough that a runaway server cannot take the process's memory. */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 10 * 1024 * 1024;

/** The user's AbortSignal fired: while an attempt is in flight, or between attempts (retry.ts). */
export function abortError(): AcsAbortError {
  return new AcsAbortError({ code: 'Client.Aborted', message: 'The call was aborted by its AbortSignal.' });
}

export function timeoutError(timeoutMs: number): AcsTimeoutError {
  return new AcsTimeoutError({
    code: 'Client.Timeout',
    message: `No complete response within ${timeoutMs} ms.`,
    retryable: true,
  });
}

/** A larger answer will not shrink on a retry. */
export function tooLargeError(
  limit: number,
  status: number,
  requestId: string | undefined,
): AcsResponseError {
  return new AcsResponseError({
    code: 'Client.ResponseTooLarge',
    message: `The response body is larger than ${limit} bytes (maxResponseBytes); it was not read further.`,
    httpStatus: status,
    requestId,
    retryable: false,
  });
}

export function networkError(error: unknown): AcsNetworkError {
  return new AcsNetworkError({
    code: 'Client.NetworkError',
    message: `The connection failed: ${networkReason(error)}.`,
    retryable: true,
    cause: error,
  });
}

/** The low-level reason (ECONNRESET, ECONNREFUSED, …) without the URL, which fetch may include. */
function networkReason(error: unknown): string {
  const own = (error as { code?: unknown } | undefined)?.code;
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  // fetch wraps the socket's error as its cause; node:http gives the socket's error itself.
  if (typeof cause?.code === 'string') return cause.code;
  if (!(error instanceof TypeError) && typeof own === 'string') return own;
  return error instanceof Error ? error.name : 'unknown error';
}
