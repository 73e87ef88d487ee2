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
  /** The action and its API parameters: with the key, the call's fingerprint (`fingerprint`), made
   * only when a `times` rule needs it (it sorts every parameter). */
  readonly action: string;
  readonly params: readonly (readonly [string, string])[];
  readonly own: RequestFaults;
  /** The Date header of an answer a fault writes. */
  readonly date: string;
}

/** The latency to add before the request is answered: the request's own and the server's. */
export function faultLatency(own: RequestFaults, state: FaultState): number {
  return own.latencyMs + (state.faults.latencyMs ?? 0);
}

/** After `faultLatency` has passed: true when a fault already ended the response; throws the error a
 * fault answers with. Every rule is counted and the rate limiter is asked even when an earlier one
 * applies, so each counts every request it sees. */
export function applyFault(request: FaultedRequest, state: FaultState): boolean {
  const { own } = request;
  state.served++;
  const kinds: FaultKind[] = [];
  for (let i = 0; i < own.rules.length; i++) {
    const r = own.rules[i]!;
    if (r.times === undefined || state.counter.hit(`${printOf(request)}|${own.text}|${i}`) < r.times)
      kinds.push(r.kind);
  }
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
    request.res.writeHead(200, { date: request.date, 'content-type': 'application/json;charset=utf-8' });
    request.res.end('{"RequestId":"');
    return true;
  }
  throw faultError(kind);
}

function printOf(request: FaultedRequest): string {
  return fingerprint(request.accessKeyId, request.action, request.params);
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
