// The logger as one call sees it: every message and text field scrubbed of the call's secrets and
// clipped. The debug line of each attempt is attempt-log.ts, loaded only for a logger with `debug`.
import type { Logger } from './hooks.js';
import { clip } from './redact.js';

/** console.warn, when the config names no logger: made once, not per call. */
const CONSOLE: Logger = { warn: (message: string, data?: unknown) => console.warn(message, data) };

/** The configured logger (console.warn by default), given only scrubbed, clipped text: the message,
 * and the text fields of its data (`{ error }` when a hook throws). */
export function scrubbedLogger(logger: Logger | undefined, scrub: (text: string) => string): Logger {
  const clean = (value: unknown): unknown =>
    value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? clip(scrub(v)) : v]),
        )
      : value;
  const base = logger ?? CONSOLE;
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
