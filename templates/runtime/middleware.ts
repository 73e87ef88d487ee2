// Middleware: code that can change a call's request or response at ordered steps, as AWS SDK v3's
// middleware stack. Once per call: initialize (the input, before validation) → serialize (the
// request before signing, retries below). Each attempt: build (the request before signing: what it
// changes is signed) → finalize (the signed request: a change to a signed part breaks the signature)
// → deserialize (around the raw response and its parsing). Running them is middleware-compose.ts,
// loaded by the first call that has middleware.
import { AcsError } from './errors.js';
import type { SignedRequest, UnsignedRequest } from './sign-request.js';
import type { RawResponse } from './transport.js';

export type Step = 'initialize' | 'serialize' | 'build' | 'finalize' | 'deserialize';
export type Priority = 'high' | 'normal' | 'low';

export const STEPS: readonly Step[] = ['initialize', 'serialize', 'build', 'finalize', 'deserialize'];
const PRIORITIES: readonly Priority[] = ['high', 'normal', 'low'];

/** What each step's middleware is handed. */
export interface StepArgs {
  initialize: { readonly input: Readonly<Record<string, unknown>> };
  serialize: { readonly input: Readonly<Record<string, unknown>>; readonly request: UnsignedRequest };
  build: { readonly input: Readonly<Record<string, unknown>>; readonly request: UnsignedRequest };
  finalize: { readonly input: Readonly<Record<string, unknown>>; readonly request: SignedRequest };
  deserialize: { readonly input: Readonly<Record<string, unknown>>; readonly request: SignedRequest };
}

/** What every handler resolves to: the parsed output, and the raw response it came from (absent
 * when a middleware answered without sending). */
export interface MiddlewareOutput {
  readonly output: unknown;
  readonly response?: RawResponse | undefined;
}

export type Handler<A> = (args: A) => Promise<MiddlewareOutput>;

export interface MiddlewareContext {
  readonly action: string;
  /** The attempt (1, 2, …) in the per-attempt steps; 0 in initialize and serialize. */
  readonly attempt: number;
}

/** `(next, context) => async (args) => next(args)`, AWS SDK v3's shape. */
export type Middleware<S extends Step = Step> = (
  next: Handler<StepArgs[S]>,
  context: MiddlewareContext,
) => Handler<StepArgs[S]>;

export interface MiddlewareOptions<S extends Step = Step> {
  /** Default `initialize`. */
  readonly step?: S;
  /** Names a middleware for `remove` and in its errors; unique in a stack. */
  readonly name?: string;
  /** Within a step, `high` runs first (outermost), then `normal` (default), then `low`; ties in the
   * order added. */
  readonly priority?: Priority;
}

/** A middleware of one step with its place. */
export interface StepMiddlewareEntry<S extends Step> extends MiddlewareOptions<S> {
  readonly middleware: Middleware<S>;
}

/** A middleware with its place, as `CallOptions.middleware` takes it for one call: its `step` types
 * the arguments it is handed. */
export type MiddlewareEntry = { [S in Step]: StepMiddlewareEntry<S> }[Step];

export interface Placed {
  /** Typed by its step when added; stored as any step's. */
  readonly middleware: Middleware<Step>;
  readonly step: Step;
  readonly name: string;
  readonly priority: Priority;
}

/** The client's middleware (`client.middleware`): added once, run by every call in step order. */
export class MiddlewareStack {
  #entries: Placed[] = [];
  #unnamed = 0;

  /** How many middleware the stack holds: with none, a call runs its steps directly. */
  get size(): number {
    return this.#entries.length;
  }

  add<S extends Step = 'initialize'>(middleware: Middleware<S>, options: MiddlewareOptions<S> = {}): this {
    this.#entries.push(place(middleware, options, this.#entries, () => `anonymous#${++this.#unnamed}`));
    return this;
  }

  /** True when a middleware of that name was there. */
  remove(name: string): boolean {
    const before = this.#entries.length;
    this.#entries = this.#entries.filter((e) => e.name !== name);
    return this.#entries.length < before;
  }

  /** Names in run order, e.g. for a test or a debug print. */
  list(): readonly { readonly name: string; readonly step: Step; readonly priority: Priority }[] {
    return ordered(this.#entries).map(({ name, step, priority }) => ({ name, step, priority }));
  }

  /** The stack with a call's own middleware after the client's, fixed for the call. */
  resolve(extra: readonly MiddlewareEntry[] = []): ResolvedStack {
    const all = [...this.#entries];
    let n = 0;
    for (const entry of extra) all.push(place(entry.middleware, entry, all, () => `call#${++n}`));
    const sorted = ordered(all);
    const byStep = Object.fromEntries(STEPS.map((s) => [s, sorted.filter((e) => e.step === s)]));
    return byStep as unknown as ResolvedStack;
  }
}

export type ResolvedStack = { readonly [S in Step]: readonly Placed[] };

function place(
  middleware: unknown,
  options: MiddlewareOptions,
  present: readonly Placed[],
  defaultName: () => string,
): Placed {
  const step = options.step ?? 'initialize';
  const priority = options.priority ?? 'normal';
  const name = options.name ?? defaultName();
  if (typeof middleware !== 'function')
    throw invalid(`Middleware ${JSON.stringify(name)} is not a function.`);
  if (!STEPS.includes(step)) throw invalid(`Middleware step must be one of ${STEPS.join(', ')}.`);
  if (!PRIORITIES.includes(priority))
    throw invalid(`Middleware priority must be one of ${PRIORITIES.join(', ')}.`);
  if (present.some((e) => e.name === name))
    throw invalid(`A middleware named ${JSON.stringify(name)} is already in the stack; remove it first.`);
  return { middleware: middleware as Middleware<Step>, step, priority, name };
}

function ordered(entries: readonly Placed[]): Placed[] {
  const rank = (e: Placed) => STEPS.indexOf(e.step) * PRIORITIES.length + PRIORITIES.indexOf(e.priority);
  return [...entries].sort((a, b) => rank(a) - rank(b));
}

function invalid(message: string): AcsError {
  return new AcsError({ code: 'Client.InvalidMiddleware', message });
}
