// The middleware stack on its own: the order steps and priorities give, names, and what becomes of
// a middleware's failure.
import { describe, expect, it } from 'vitest';
import { AcsError } from '../../../templates/runtime/errors.ts';
import {
  type Handler,
  type Middleware,
  MiddlewareStack,
  type StepArgs,
} from '../../../templates/runtime/middleware.ts';
import { compose } from '../../../templates/runtime/middleware-compose.ts';

/** Fits every step: it passes on whatever it is handed. */
const noop =
  <A>(next: Handler<A>): Handler<A> =>
  (args) =>
    next(args);
const context = { action: 'DescribeThings', attempt: 0 };

describe('MiddlewareStack', () => {
  it('orders by step, then priority, then the order added', () => {
    const stack = new MiddlewareStack()
      .add(noop, { step: 'deserialize', name: 'parse-extra' })
      .add(noop, { name: 'init-normal' })
      .add(noop, { step: 'build', name: 'build-low', priority: 'low' })
      .add(noop, { step: 'build', name: 'build-normal' })
      .add(noop, { step: 'build', name: 'build-high', priority: 'high' })
      .add(noop, { step: 'finalize', name: 'finalize' })
      .add(noop, { name: 'init-high', priority: 'high' })
      .add(noop, { step: 'serialize', name: 'serialize' });
    expect(stack.list().map((e) => e.name)).toEqual([
      'init-high',
      'init-normal',
      'serialize',
      'build-high',
      'build-normal',
      'build-low',
      'finalize',
      'parse-extra',
    ]);
  });

  it('removes by name, and says whether it found one', () => {
    const stack = new MiddlewareStack().add(noop, { name: 'a' }).add(noop, { name: 'b' });
    expect(stack.remove('a')).toBe(true);
    expect(stack.remove('a')).toBe(false);
    expect(stack.list().map((e) => e.name)).toEqual(['b']);
  });

  it('puts a call’s own middleware after the client’s of the same step and priority', () => {
    const stack = new MiddlewareStack().add(noop, { name: 'client', step: 'build' });
    const resolved = stack.resolve([
      { middleware: noop, step: 'build', name: 'call' },
      { middleware: noop, step: 'build', name: 'first', priority: 'high' },
    ]);
    expect(resolved.build.map((e) => e.name)).toEqual(['first', 'client', 'call']);
    expect(stack.list()).toHaveLength(1);
  });

  it.each<[string, () => void, string]>([
    [
      'a name already taken',
      () => new MiddlewareStack().add(noop, { name: 'x' }).add(noop, { name: 'x' }),
      'A middleware named "x" is already in the stack; remove it first.',
    ],
    [
      'an unknown step',
      () => new MiddlewareStack().add(noop, { step: 'sign' as 'build' }),
      'Middleware step must be one of initialize, serialize, build, finalize, deserialize.',
    ],
    [
      'an unknown priority',
      () => new MiddlewareStack().add(noop, { priority: 'urgent' as 'high' }),
      'Middleware priority must be one of high, normal, low.',
    ],
    [
      'something that is not a function',
      () => new MiddlewareStack().add({} as Middleware, { name: 'obj' }),
      'Middleware "obj" is not a function.',
    ],
  ])('refuses %s with a typed error', (_name, act, message) => {
    expect(act).toThrow(AcsError);
    expect(act).toThrow(message);
  });
});

describe('compose', () => {
  const terminal: Handler<StepArgs['initialize']> = async ({ input }) => ({ output: { echoed: input } });

  it('runs the first entry outermost, each able to change the args and the output', async () => {
    const seen: string[] = [];
    const tag =
      (name: string): Middleware<'initialize'> =>
      (next) =>
      async (args) => {
        seen.push(`${name}>`);
        const result = await next({ input: { ...args.input, [name]: true } });
        seen.push(`<${name}`);
        return { ...result, output: { ...(result.output as object), [`out-${name}`]: true } };
      };
    const stack = new MiddlewareStack().add(tag('a')).add(tag('b'));
    const handler = compose(stack.resolve().initialize, terminal, context);
    const { output } = await handler({ input: {} });
    expect(seen).toEqual(['a>', 'b>', '<b', '<a']);
    expect(output).toEqual({ echoed: { a: true, b: true }, 'out-b': true, 'out-a': true });
  });

  it('turns what a middleware throws into Client.MiddlewareError naming it, with the cause kept', async () => {
    const failing: Middleware = () => async () => {
      throw new RangeError('quota file missing');
    };
    const stack = new MiddlewareStack().add(noop, { name: 'outer' }).add(failing, { name: 'quota' });
    const error = await compose(
      stack.resolve().initialize,
      terminal,
      context,
    )({ input: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsError);
    expect(error).toMatchObject({
      code: 'Client.MiddlewareError',
      message: 'Middleware "quota" (initialize) failed: RangeError: quota file missing',
      retryable: false,
    });
    expect((error as AcsError).cause).toBeInstanceOf(RangeError);
  });

  it('passes on what next() rejects with unchanged, even when it is not an AcsError', async () => {
    const bug = new TypeError('inner');
    const stack = new MiddlewareStack().add(noop, { name: 'outer' });
    const rejecting: Handler<StepArgs['initialize']> = async () => Promise.reject(bug);
    await expect(compose(stack.resolve().initialize, rejecting, context)({ input: {} })).rejects.toBe(bug);
  });

  it('refuses a handler that does not resolve to { output }', async () => {
    const forgetful: Middleware = (next) => async (args) => {
      await next(args);
      return undefined as never;
    };
    const stack = new MiddlewareStack().add(forgetful, { name: 'forgetful' });
    await expect(compose(stack.resolve().initialize, terminal, context)({ input: {} })).rejects.toMatchObject(
      {
        code: 'Client.MiddlewareError',
        message: expect.stringContaining('did not resolve to { output }'),
      },
    );
  });
});
