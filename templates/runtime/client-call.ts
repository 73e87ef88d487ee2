// What one call of the client (client.ts) carries from attempt to attempt, and the little it does
// with it outside the client: an attempt's success as the loop sees it, and the code loaded only when
// a hook or a failure needs it.
import type { AttemptResult } from './attempts.js';
import type { Time } from './call-time.js';
import type { CallOptions } from './client-options.js';
import type { ActionDescriptor } from './descriptors.js';
import type { AcsError } from './errors.js';
import type { Logger, RequestInfo } from './hooks.js';
import type { StepRunner } from './middleware-steps.js';
import type { CallScrubber } from './redact.js';
import type { SignedRequest, UnsignedRequest } from './sign-request.js';
import type { RawResponse } from './transport.js';
import type { ValidationModes } from './validation-mode.js';

export interface Call {
  readonly action: ActionDescriptor;
  readonly input: Readonly<Record<string, unknown>>;
  readonly unsigned: UnsignedRequest;
  readonly options: CallOptions;
  readonly time: Time;
  readonly secrets: CallScrubber;
  readonly logger: Logger;
  /** The call's middleware around each step's work; undefined when it has none. */
  readonly steps: StepRunner | undefined;
  readonly validation: ValidationModes;
  /** When the current attempt began, on the client's clock (for the debug line). */
  started: number;
}

export function newCall(
  action: ActionDescriptor,
  input: Readonly<Record<string, unknown>>,
  unsigned: UnsignedRequest,
  options: CallOptions,
  secrets: CallScrubber,
  logger: Logger,
  validation: ValidationModes,
  time: Time,
  steps?: StepRunner,
): Call {
  return { action, input, unsigned, options, time, secrets, logger, steps, validation, started: 0 };
}

/** A success: a middleware that answered without sending (a cache) gives no response, and is a
 * success as it says. */
export function succeeded(value: unknown, response: RawResponse | undefined): AttemptResult {
  return { ok: true, value, status: response?.status ?? 200, headers: response?.headers ?? new Headers() };
}

/** What a `beforeRequest` hook sees: its code loads only for a client that has such a hook. */
export async function requestInfo(call: Call, n: number, signed: SignedRequest): Promise<RequestInfo> {
  return (await import('./request-info.js')).redactedInfo(call.action, n, signed, call.secrets.scrub);
}

/** Failures only: the scrubbing of errors is loaded when one happens, not by every program. */
export async function scrubbed(error: unknown, scrub: (text: string) => string): Promise<AcsError> {
  const { scrubError } = await import('./scrub-error.js');
  return scrubError(error, scrub);
}

export const ENV_REGION_ID = 'ALIBABA_CLOUD_REGION_ID';
