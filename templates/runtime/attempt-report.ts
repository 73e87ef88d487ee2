// What an `afterResponse` hook and a debug logger are told of each attempt: loaded only by a client
// that has one of them (the debug line itself, attempt-log.ts, only with a debug logger). The client
// runs the hook with what this returns (hooks.ts's runHook stays in the client's own file).
import type { AttemptResult } from './attempts.js';
import type { ActionDescriptor } from './descriptors.js';
import type { Logger, ResponseInfo } from './hooks.js';
import { clip } from './redact.js';

export interface Attempted {
  readonly action: ActionDescriptor;
  readonly n: number;
  readonly result: AttemptResult;
  readonly willRetry: boolean;
  readonly durationMs: number;
  /** The call's scrubber: a success's RequestId is server text too. */
  readonly scrub: (text: string) => string;
  readonly logger: Logger;
}

/** The facts of an attempt, logged as the debug line when the logger has `debug`; the hook is then
 * given them, the attempt's error already scrubbed. */
export async function reportAttempt(a: Attempted): Promise<ResponseInfo> {
  const { result } = a;
  const error = result.ok ? undefined : (result.error as { code?: string; requestId?: string } | undefined);
  const output = result.ok ? (result.value as { output?: unknown }).output : undefined;
  const echoed = (output as { RequestId?: unknown } | undefined)?.RequestId;
  const info: ResponseInfo = {
    action: a.action.name,
    attempt: a.n,
    status: result.status,
    requestId: typeof echoed === 'string' ? clip(a.scrub(echoed)) : error?.requestId,
    errorCode: error?.code,
    willRetry: a.willRetry,
  };
  if (a.logger.debug !== undefined)
    (await import('./attempt-log.js')).logAttempt(a.logger, info, a.durationMs);
  return info;
}
