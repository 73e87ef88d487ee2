// The logger as one call sees it: every message and text field scrubbed of the call's secrets and
// clipped. The debug line of each attempt is attempt-log.ts, loaded only for a logger with `debug`.
import type { Logger } from './hooks.js';
import { clip } from './redact.js';

/** console.warn, when the config names no logger. */
const CONSOLE: Logger = { warn: (message: string, data?: unknown) => console.warn(message, data) };

/** The configured logger (console.warn by default), given only scrubbed, clipped text: the message,
 * and the text fields of its data (`{ error }` when a hook throws). `debug` is there only when the
 * configured logger has it. One object per call, its methods shared: most calls never log. */
export function scrubbedLogger(logger: Logger | undefined, scrub: (text: string) => string): Logger {
  const base = logger ?? CONSOLE;
  return base.debug === undefined ? new Scrubbed(base, scrub) : new ScrubbedWithDebug(base, scrub);
}

class Scrubbed implements Logger {
  protected readonly base: Logger;
  protected readonly scrub: (text: string) => string;

  constructor(base: Logger, scrub: (text: string) => string) {
    this.base = base;
    this.scrub = scrub;
  }

  warn(message: string, ...data: unknown[]): void {
    this.base.warn(clip(this.scrub(message)), ...(this.clean(data) as [unknown?]));
  }

  protected clean(data: unknown[]): unknown[] {
    return data.map((value) =>
      value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? clip(this.scrub(v)) : v]),
          )
        : value,
    );
  }
}

class ScrubbedWithDebug extends Scrubbed {
  debug(message: string, ...data: unknown[]): void {
    this.base.debug!(clip(this.scrub(message)), ...(this.clean(data) as [unknown?]));
  }
}
