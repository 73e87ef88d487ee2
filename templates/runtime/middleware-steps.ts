// A call's steps through its middleware (middleware.ts), each step's entries around its work:
// loaded, with middleware-compose.ts, only by a call that has middleware to run. A call without
// runs the same work in the same order with nothing around it (client.ts).
import type { MiddlewareContext, MiddlewareOutput, ResolvedStack } from './middleware.js';
import { compose } from './middleware-compose.js';
import type { SignedRequest, UnsignedRequest } from './sign-request.js';
import type { RawResponse } from './transport.js';

type Input = Readonly<Record<string, unknown>>;

/** The work of initialize and serialize, once per call. */
export interface CallWork {
  check(input: Input): void;
  unsigned(input: Input): UnsignedRequest;
  attempts(input: Input, request: UnsignedRequest): Promise<MiddlewareOutput>;
}

/** The work of build, finalize and deserialize, once per attempt. */
export interface AttemptWork {
  sign(request: UnsignedRequest): Promise<SignedRequest>;
  beforeRequest(signed: SignedRequest): Promise<void> | undefined;
  send(signed: SignedRequest): Promise<RawResponse>;
  parse(raw: RawResponse): Promise<unknown>;
}

export interface StepRunner {
  call(context: MiddlewareContext, work: CallWork, input: Input): Promise<MiddlewareOutput>;
  attempt(
    context: MiddlewareContext,
    work: AttemptWork,
    input: Input,
    request: UnsignedRequest,
  ): Promise<MiddlewareOutput>;
}

/** The stack, fixed for one call, around each step's work. */
export function stepRunner(stack: ResolvedStack): StepRunner {
  return {
    call: (context, work, input) => {
      const serialize = compose<'serialize'>(
        stack.serialize,
        ({ input: given, request }) => work.attempts(given, request),
        context,
      );
      const initialize = compose<'initialize'>(
        stack.initialize,
        async ({ input: given }) => {
          work.check(given);
          return serialize({ input: given, request: work.unsigned(given) });
        },
        context,
      );
      return initialize({ input });
    },
    attempt: (context, work, input, request) => {
      const deserialize = compose<'deserialize'>(
        stack.deserialize,
        async ({ request: signed }) => {
          const raw = await work.send(signed);
          return { output: await work.parse(raw), response: raw };
        },
        context,
      );
      const finalize = compose<'finalize'>(
        stack.finalize,
        async (args) => {
          await work.beforeRequest(args.request);
          return deserialize(args);
        },
        context,
      );
      const build = compose<'build'>(
        stack.build,
        async ({ input: given, request: unsigned }) =>
          finalize({ input: given, request: await work.sign(unsigned) }),
        context,
      );
      return build({ input, request });
    },
  };
}
