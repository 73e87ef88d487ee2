// The logger as one call sees it: every message and text field scrubbed of the call's secrets and
// clipped, and the debug line of each attempt (when the logger has `debug`).
import type { Logger, ResponseInfo } from './hooks.js';
import { clip } from './redact.js';

/** The configured logger (console.warn by default), given only scrubbed, clipped text: the message,
 * and the text fields of its data (`{ error }` when a hook throws). */
export function scrubbedLogger(logger: Logger | undefined, scrub: (text: string) => string): Logger {
  const clean = (value: unknown): unknown =>
    value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? clip(scrub(v)) : v]),
        )
      : value;
  const base = logger ?? { warn: (message: string, data?: unknown) => console.warn(message, data) };
  const debug = base.debug?.bind(base);
  return {
    warn: (message, ...data) => base.warn(clip(scrub(message)), ...(data.map(clean) as [unknown?])),
    ...(debug === undefined
      ? {}
      : {
          debug: (message: string, ...data: unknown[]) =>
            debug(clip(scrub(message)), ...(data.map(clean) as [unknown?])),
        }),
  };
}

/**
 * `DescribeX attempt 1: HTTP 200, RequestId R-1, 12 ms` (with the error code and `retrying` when it
 * failed), and the same facts as data. Built from the hook's facts only: no URL, header or body, so
 * nothing signed or secret can reach it.
 */
export function logAttempt(logger: Logger, info: ResponseInfo, durationMs: number): void {
  if (logger.debug === undefined) return;
  const parts = [
    info.status === undefined ? 'no response' : `HTTP ${info.status}`,
    ...(info.errorCode === undefined ? [] : [info.errorCode]),
    `RequestId ${info.requestId ?? '-'}`,
    `${durationMs} ms`,
    ...(info.willRetry ? ['retrying'] : []),
  ];
  logger.debug(`${info.action} attempt ${info.attempt}: ${parts.join(', ')}`, { ...info, durationMs });
}
