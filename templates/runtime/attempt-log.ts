// The debug line of each attempt, for a logger with `debug` (the client loads it only then).
import type { Logger, ResponseInfo } from './hooks.js';

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
