// Runs middleware (middleware.ts): one step's entries around the step's own work, each guarded so
// that what it throws names it. Loaded by the first call that has middleware to run.
import { AcsError } from './errors.js';
import type { Handler, MiddlewareContext, Placed, Step, StepArgs } from './middleware.js';

/**
 * One step's middleware around `terminal`, the first entry outermost. What a middleware throws
 * (not what it passes on from `next`) becomes an AcsError `Client.MiddlewareError` naming it.
 */
export function compose<S extends Step>(
  entries: readonly Placed[],
  terminal: Handler<StepArgs[S]>,
  context: MiddlewareContext,
): Handler<StepArgs[S]> {
  let handler = terminal;
  for (const entry of [...entries].reverse()) handler = guarded(entry, handler, context);
  return handler;
}

function guarded<A>(entry: Placed, next: Handler<A>, context: MiddlewareContext): Handler<A> {
  const passedOn = new WeakSet<object>();
  const tracked: Handler<A> = async (args) => {
    try {
      return await next(args);
    } catch (error) {
      if (typeof error === 'object' && error !== null) passedOn.add(error);
      throw error;
    }
  };
  return async (args) => {
    try {
      const handler = entry.middleware(tracked as unknown as Handler<StepArgs[Step]>, context);
      const result = await handler(args as unknown as StepArgs[Step]);
      if (typeof result !== 'object' || result === null || !('output' in result))
        throw new TypeError('its handler did not resolve to { output } (return what next() resolves to)');
      return result;
    } catch (error) {
      if (typeof error === 'object' && error !== null && passedOn.has(error)) throw error;
      throw middlewareError(entry, error);
    }
  };
}

function middlewareError(entry: Placed, error: unknown): AcsError {
  if (error instanceof AcsError) return error;
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new AcsError({
    code: 'Client.MiddlewareError',
    message: `Middleware ${JSON.stringify(entry.name)} (${entry.step}) failed: ${what}`,
    cause: error,
  });
}
