// Waiters in the manner of Smithy's (smithy.io/2.0/additional-specs/waiters.html): poll an action,
// match each answer against the acceptors in order, and wait between polls with exponential backoff
// and jitter between minDelay and maxDelay, within a total wait bound.
import { AcsAbortError, AcsError, AcsValidationError } from './errors.js';

export type Comparator = 'stringEquals' | 'booleanEquals' | 'allStringEquals' | 'anyStringEquals';

export type Matcher =
  /** A value of the output, at a path: `A.B[].C` (dot-separated fields, `[]` projects an array). */
  | { readonly path: string; readonly comparator: Comparator; readonly expected: string }
  /** The poll failed with this error code. */
  | { readonly errorType: string }
  /** The poll succeeded (true) or failed with any error (false). */
  | { readonly success: boolean };

export interface Acceptor {
  readonly state: 'success' | 'failure' | 'retry';
  readonly matcher: Matcher;
}

export interface WaiterDescriptor {
  readonly name: string;
  /** The action polled. */
  readonly action: string;
  /** Seconds. */
  readonly minDelay: number;
  readonly maxDelay: number;
  readonly acceptors: readonly Acceptor[];
}

export interface WaitOptions {
  /** The total wait bound, in seconds (required, as in Smithy). */
  readonly maxWaitSeconds: number;
  readonly signal?: AbortSignal;
  /** Clock, randomness and sleep, for tests; real ones by default. */
  readonly environment?: WaiterEnvironment;
}

/** Clock, randomness and sleep: real ones by default, injected by tests so they never wait. */
export interface WaiterEnvironment {
  readonly now: () => number;
  readonly random: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What one poll gave: the output, or the error it failed with. */
export type PollResult = { readonly output: unknown } | { readonly error: AcsError };

export interface WaiterResult {
  readonly state: 'success';
  readonly attempts: number;
  /** The output (or, for an error acceptor, the error) that matched the success acceptor. */
  readonly last: PollResult;
}

/** A waiter ended without success: `Waiter.Timeout` (the wait bound) or `Waiter.Failure` (a failure acceptor or an unmatched error). */
export class AcsWaiterError extends AcsError<'Waiter.Timeout' | 'Waiter.Failure'> {
  override readonly name: string = 'AcsWaiterError';
  readonly waiter: string;
  readonly attempts: number;

  constructor(
    waiter: string,
    code: 'Waiter.Timeout' | 'Waiter.Failure',
    attempts: number,
    message: string,
    cause?: unknown,
  ) {
    super({ code, message, ...(cause === undefined ? {} : { cause }) });
    this.waiter = waiter;
    this.attempts = attempts;
  }
}

export const REAL_ENVIRONMENT: WaiterEnvironment = {
  now: Date.now,
  random: Math.random,
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(done, ms);
      function done() {
        signal?.removeEventListener('abort', aborted);
        resolve();
      }
      function aborted() {
        clearTimeout(timer);
        reject(signal?.reason);
      }
      signal?.addEventListener('abort', aborted, { once: true });
    }),
};

/** Polls until a success acceptor matches; throws AcsWaiterError otherwise, AcsAbortError when aborted. */
export async function runWaiter(
  waiter: WaiterDescriptor,
  poll: (signal?: AbortSignal) => Promise<unknown>,
  options: WaitOptions,
): Promise<WaiterResult> {
  const env = options.environment ?? REAL_ENVIRONMENT;
  if (!(options.maxWaitSeconds > 0))
    throw new AcsValidationError(
      [{ path: 'maxWaitSeconds', message: 'must be a positive number of seconds' }],
      'waiter options',
    );
  const started = env.now();
  const maxWaitMs = options.maxWaitSeconds * 1000;
  for (let attempt = 1; ; attempt++) {
    abortIfNeeded(options.signal);
    const result = await pollWithin(poll, options.signal, maxWaitMs - (env.now() - started), (cause) => {
      const message = `${waiter.name}: not reached within ${options.maxWaitSeconds} s (attempt ${attempt} cut short).`;
      return new AcsWaiterError(waiter.name, 'Waiter.Timeout', attempt, message, cause);
    });
    const state = matchState(waiter.acceptors, result);
    if (state === 'success') return { state, attempts: attempt, last: result };
    if (state === 'failure') {
      const cause = 'error' in result ? result.error : undefined;
      const why = cause === undefined ? 'a failure acceptor matched' : `the poll failed with ${cause.code}`;
      throw new AcsWaiterError(
        waiter.name,
        'Waiter.Failure',
        attempt,
        `${waiter.name}: ${why} (attempt ${attempt}).`,
        cause,
      );
    }
    const remaining = maxWaitMs - (env.now() - started);
    const delay = waiterDelay(waiter, attempt, remaining, env.random);
    if (delay === undefined)
      throw new AcsWaiterError(
        waiter.name,
        'Waiter.Timeout',
        attempt,
        `${waiter.name}: not reached within ${options.maxWaitSeconds} s (${attempt} attempts).`,
      );
    try {
      await env.sleep(delay, options.signal);
    } catch {
      abortIfNeeded(options.signal);
    }
  }
}

/**
 * The delay before the next attempt, in ms, as Smithy specifies: minDelay·2^(attempt−1) up to an
 * attempt ceiling, maxDelay after it, then a uniform random value between minDelay and that; cut so
 * that one more attempt fits in the remaining time; undefined when no attempt fits any more.
 */
export function waiterDelay(
  waiter: Pick<WaiterDescriptor, 'minDelay' | 'maxDelay'>,
  attempt: number,
  remainingMs: number,
  random: () => number,
): number | undefined {
  const min = waiter.minDelay * 1000;
  if (remainingMs <= min) return undefined;
  const ceiling = Math.log(waiter.maxDelay / waiter.minDelay) / Math.log(2) + 1;
  const cap =
    attempt > ceiling ? waiter.maxDelay * 1000 : Math.min(min * 2 ** (attempt - 1), waiter.maxDelay * 1000);
  let delay = min + random() * (cap - min);
  if (remainingMs - delay <= min) delay = remainingMs - min;
  return delay;
}

/** The state of the first acceptor that matches; without one, an error fails and an output retries. */
export function matchState(acceptors: readonly Acceptor[], result: PollResult): Acceptor['state'] {
  for (const acceptor of acceptors) if (matches(acceptor.matcher, result)) return acceptor.state;
  return 'error' in result ? 'failure' : 'retry';
}

function matches(matcher: Matcher, result: PollResult): boolean {
  if ('success' in matcher) return matcher.success === !('error' in result);
  if ('errorType' in matcher) return 'error' in result && result.error.code === matcher.errorType;
  if ('error' in result) return false;
  const value = valueAtPath(result.output, matcher.path);
  switch (matcher.comparator) {
    case 'stringEquals':
      return value === matcher.expected;
    case 'booleanEquals':
      return typeof value === 'boolean' && String(value) === matcher.expected;
    case 'allStringEquals':
      return Array.isArray(value) && value.length > 0 && value.every((v) => v === matcher.expected);
    case 'anyStringEquals':
      return Array.isArray(value) && value.some((v) => v === matcher.expected);
  }
}

/** The grammar of a path: fields separated by dots, each optionally followed by `[]`. */
export const WAITER_PATH: RegExp = /^[A-Za-z_][A-Za-z0-9_]*(\[\])?(\.[A-Za-z_][A-Za-z0-9_]*(\[\])?)*$/;

/** The value at a path; after a `[]` the rest applies to each item and the result is a flat list. */
export function valueAtPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  let projected = false;
  for (const segment of path.split('.')) {
    const each = segment.endsWith('[]');
    const field = each ? segment.slice(0, -2) : segment;
    const read = (v: unknown) =>
      v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[field] : undefined;
    if (projected) {
      const items = (current as unknown[]).map(read);
      current = each
        ? items.flatMap((x) => (Array.isArray(x) ? x : []))
        : items.filter((x) => x !== undefined);
    } else {
      current = read(current);
      if (each) {
        current = Array.isArray(current) ? current : [];
        projected = true;
      }
    }
  }
  return current;
}

/**
 * One poll, bounded by what is left of the wait: a poll still under way when the bound passes (a slow
 * server, the client's own retries) is aborted and the wait ends with `Waiter.Timeout`, so
 * `maxWaitSeconds` bounds the whole wait, not only the sleeps between polls.
 */
async function pollWithin(
  poll: (signal?: AbortSignal) => Promise<unknown>,
  signal: AbortSignal | undefined,
  remainingMs: number,
  timedOut: (cause: unknown) => AcsWaiterError,
): Promise<PollResult> {
  const bound = new AbortController();
  const timer = setTimeout(() => bound.abort(), Math.max(remainingMs, 1));
  try {
    return await pollOnce(
      poll,
      signal === undefined ? bound.signal : AbortSignal.any([signal, bound.signal]),
    );
  } catch (error) {
    if (bound.signal.aborted && !signal?.aborted) throw timedOut(error);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function pollOnce(
  poll: (signal?: AbortSignal) => Promise<unknown>,
  signal?: AbortSignal,
): Promise<PollResult> {
  try {
    return { output: await poll(signal) };
  } catch (error) {
    // A call refused before sending, or an abort, is not an answer to match: it ends the wait.
    if (error instanceof AcsValidationError || error instanceof AcsAbortError) throw error;
    if (error instanceof AcsError) return { error };
    throw error;
  }
}

function abortIfNeeded(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AcsAbortError({ code: 'Client.Aborted', message: 'The wait was aborted.' });
}
