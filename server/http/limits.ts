// What one request may be, checked before anything is parsed or verified, so a request that breaks a
// limit costs little to refuse and nothing it sends is kept (server/README.md, "Limits").
import { ServerError } from '../protocol/server-error.ts';

export interface RequestLimits {
  /** A body's bytes; more: InvalidParameter naming `Body`, and the connection is closed. */
  readonly bodyBytes: number;
  /**
   * Parameters in the query and a form body together, counted as the pieces between `&` before
   * anything is decoded; more: InvalidParameter naming `Parameters`.
   */
  readonly parameters: number;
  /** One parameter's name or value (query or form), in UTF-8 bytes; more: InvalidParameter naming it. */
  readonly valueBytes: number;
  /**
   * From the headers to the body's last byte; later: InvalidParameter naming `Body`, and the
   * connection is closed. (The headers themselves have 10 s: Node's `headersTimeout`.)
   */
  readonly bodyTimeoutMs: number;
}

/** Starts a deadline and returns what cancels it; injected by tests, a timer otherwise. */
export type StartTimer = (ms: number, fire: () => void) => () => void;

export const realTimer: StartTimer = (ms, fire) => {
  const timer = setTimeout(fire, ms);
  return () => clearTimeout(timer);
};

export const DEFAULT_LIMITS: RequestLimits = {
  bodyBytes: 1 << 20,
  parameters: 5_000,
  // The longest value the repository's specs document (a 32 KB user-data script, base64: 43,692
  // characters) fits with room to spare.
  valueBytes: 64 * 1024,
  bodyTimeoutMs: 30_000,
};

/** A body over its size or past its deadline: InvalidParameter (400), then the connection is closed. */
export class BodyRefused extends ServerError {
  static tooLarge(limit: number): BodyRefused {
    return new BodyRefused(`The request body exceeds ${limit} bytes.`);
  }

  static tooSlow(ms: number): BodyRefused {
    return new BodyRefused(`The request body did not end within ${ms} ms.`);
  }

  private constructor(detail: string) {
    super('InvalidParameter', 'Body', detail);
  }
}

/** The client went away before its request ended: there is no one to answer. */
export class ClientGone extends Error {
  constructor() {
    super('the client closed the connection before its request ended');
  }
}

/**
 * Counts the parameters of a query or form without decoding it: the pieces between `&`, only until
 * there are more than `stop` (a byte loop: Buffer#indexOf('&') costs 80 ms on a 1 MiB form).
 */
export function countPieces(text: string | Buffer, stop = Number.POSITIVE_INFINITY): number {
  if (text.length === 0) return 0;
  let pieces = 1;
  if (typeof text === 'string') {
    for (let i = 0; i < text.length && pieces <= stop; i++) if (text.charCodeAt(i) === AMPERSAND) pieces++;
  } else {
    for (let i = 0; i < text.length && pieces <= stop; i++) if (text[i] === AMPERSAND) pieces++;
  }
  return pieces;
}

const AMPERSAND = 0x26;

/** Query and form over the parameter limit: refused before they are decoded or verified. */
export function checkCount(limits: RequestLimits, ...texts: (string | Buffer)[]): void {
  let count = 0;
  for (const text of texts) count += countPieces(text, limits.parameters - count);
  if (count > limits.parameters)
    throw new ServerError('InvalidParameter', 'Parameters', `More than ${limits.parameters} parameters.`);
}
