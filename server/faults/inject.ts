// Applying faults after authentication: the server's own (`startServer({ faults })`) and the
// request's (fault header). Added latency first, then the first fault that applies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ServerError } from '../protocol/server-error.ts';
import type { FaultKind, RequestFaults } from './header.ts';
import type { FingerprintCounter, RateLimiter } from './limits.ts';

export interface ServerFaults {
  /** Added to every response. */
  readonly latencyMs?: number;
  /** Requests per second allowed per AccessKeyId (token bucket, burst = the rate); then Throttling.User. */
  readonly rateLimit?: number;
  /** The first `count` authenticated requests fail with `fault` (Infinity: all of them). */
  readonly failFirst?: { readonly count: number; readonly fault: FaultKind };
}

export interface FaultState {
  readonly faults: ServerFaults;
  readonly limiter: RateLimiter;
  readonly counter: FingerprintCounter;
  /** The clock the rate limiter reads, and how latency waits: injected by tests, real otherwise. */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Authenticated requests so far, for `failFirst`. */
  served: number;
}

export interface FaultedRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly accessKeyId: string;
  /**
   * Who asked what, without nonce, time or signature: repeats of one call share it. Made only when a
   * `times` rule needs it (it sorts every parameter).
   */
  readonly fingerprint: () => string;
  readonly own: RequestFaults;
}

/** True when the fault already ended the response; throws the error a fault answers with. */
export async function injectFault(request: FaultedRequest, state: FaultState): Promise<boolean> {
  const { own } = request;
  const latency = own.latencyMs + (state.faults.latencyMs ?? 0);
  if (latency > 0) await state.sleep(latency);
  state.served++;
  const kinds = own.rules
    .filter(
      (r, i) =>
        r.times === undefined || state.counter.hit(`${request.fingerprint()}|${own.text}|${i}`) < r.times,
    )
    .map((r) => r.kind);
  const { failFirst } = state.faults;
  if (failFirst !== undefined && state.served <= failFirst.count) kinds.push(failFirst.fault);
  const rate = own.rateLimit ?? state.faults.rateLimit;
  if (rate !== undefined && !state.limiter.take(request.accessKeyId, rate, state.now()))
    kinds.push('throttling');
  const kind = kinds[0];
  if (kind === undefined) return false;
  if (kind === 'reset') {
    request.req.socket.destroy();
    return true;
  }
  if (kind === 'malformed') {
    request.res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
    request.res.end('{"RequestId":"');
    return true;
  }
  throw faultError(kind);
}

export function faultError(kind: 'throttling' | '500' | '503'): ServerError {
  if (kind === 'throttling') return new ServerError('Throttling.User');
  return new ServerError(kind === '500' ? 'InternalError' : 'ServiceUnavailable');
}

/** The fingerprint of a call: key, action and its API parameters in a stable order. */
export function fingerprint(
  accessKeyId: string,
  action: string,
  params: readonly (readonly [string, string])[],
): string {
  const sorted = [...params].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : 1));
  return JSON.stringify([accessKeyId, action, sorted]);
}
