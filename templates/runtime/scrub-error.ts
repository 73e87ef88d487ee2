// Every error leaves the client through here: each string it holds (code, message, request and host
// ids, recommend, the stack, and its causes) is scrubbed of the call's secrets, then clipped, and a
// failure that is not an AcsError becomes one, so one `catch` sees a code whatever went wrong.
import { AcsError } from './errors.js';
import { clip } from './redact.js';

type Scrub = (text: string) => string;

const FIELDS = ['code', 'message', 'requestId', 'hostId', 'recommend'] as const;
/** Causes are followed this deep (a cycle of causes ends too); below, they are dropped. */
const MAX_CAUSES = 4;

/** Scrubs an AcsError in place (its class and fields stay), or wraps anything else. */
export function scrubError(error: unknown, scrub: Scrub): AcsError {
  return scrubInPlace(error instanceof AcsError ? error : unexpected(error), scrub, 0);
}

function scrubInPlace(e: AcsError, scrub: Scrub, depth: number): AcsError {
  const fields = e as unknown as Record<string, unknown>;
  for (const key of FIELDS) {
    const value = fields[key];
    if (typeof value === 'string') fields[key] = clip(scrub(value));
  }
  if ('cause' in e) fields.cause = scrubCause(e.cause, scrub, depth + 1);
  const stack = restack(e, scrub);
  if (stack !== undefined) e.stack = stack;
  return e;
}

function unexpected(error: unknown): AcsError {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  return new AcsError({ code: 'Client.Unexpected', message: `Unexpected failure: ${what}`, cause: error });
}

/**
 * A cause is someone else's object (fetch's error, a provider's): it is copied, not changed. An
 * Error keeps its name, message, string code and stack, scrubbed; text is scrubbed; numbers and
 * booleans stay; anything else (an object that may hold anything) is dropped.
 */
function scrubCause(cause: unknown, scrub: Scrub, depth: number): unknown {
  if (depth > MAX_CAUSES) return undefined;
  if (cause instanceof AcsError) return scrubInPlace(cause, scrub, depth);
  if (typeof cause === 'string') return clip(scrub(cause));
  if (typeof cause === 'number' || typeof cause === 'boolean' || cause == null) return cause;
  if (!(cause instanceof Error)) return undefined;
  const copy = new Error(clip(scrub(cause.message)));
  copy.name = cause.name;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number')
    Object.assign(copy, { code: typeof code === 'string' ? clip(scrub(code)) : code });
  if ('cause' in cause) copy.cause = scrubCause(cause.cause, scrub, depth + 1);
  const stack = restack(copy, scrub, cause.stack);
  if (stack !== undefined) copy.stack = stack;
  else delete copy.stack;
  return copy;
}

/**
 * V8 starts a stack with `Name: message` as the error was made (before scrubbing): that head is
 * rewritten from the scrubbed fields and the frames kept; a stack without the head (other engines)
 * is scrubbed as it is.
 */
function restack(error: Error, scrub: Scrub, stack = error.stack): string | undefined {
  if (typeof stack !== 'string') return stack;
  const frames = stack.indexOf('\n    at ');
  const head = `${error.name}: ${error.message}`;
  if (frames >= 0) return `${head}${scrub(stack.slice(frames))}`;
  return /^\w*Error\b/.test(stack) ? head : scrub(stack);
}
