// The waiter engine: Smithy's delay arithmetic, acceptor matching, paths, and whole waits on an
// injected clock (sleep advances it), so nothing here ever waits.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AcsAbortError,
  AcsError,
  AcsServiceError,
  AcsValidationError,
} from '../../../templates/runtime/errors.ts';
import {
  type Acceptor,
  AcsWaiterError,
  matchState,
  type PollResult,
  runWaiter,
  valueAtPath,
  type WaiterDescriptor,
  type WaiterEnvironment,
  waiterDelay,
} from '../../../templates/runtime/waiter.ts';

const PATH = 'Items.Item[].Status';
const WAITER: WaiterDescriptor = {
  name: 'ThingReady',
  action: 'DescribeThings',
  minDelay: 2,
  maxDelay: 30,
  acceptors: [
    { state: 'success', matcher: { path: PATH, comparator: 'allStringEquals', expected: 'Ready' } },
    { state: 'failure', matcher: { path: PATH, comparator: 'anyStringEquals', expected: 'Broken' } },
    { state: 'failure', matcher: { errorType: 'InvalidThing.NotFound' } },
  ],
};
const page = (...states: string[]) => ({ Items: { Item: states.map((Status) => ({ Status })) } });

/** A clock that only sleeping moves; records each delay. */
function fakeEnvironment(random = () => 0.5): WaiterEnvironment & { delays: number[] } {
  let now = 1_000_000;
  const delays: number[] = [];
  return {
    delays,
    now: () => now,
    random,
    sleep: async (ms) => {
      delays.push(ms);
      now += ms;
    },
  };
}

describe('waiterDelay (Smithy: minDelay·2^(n−1) up to the ceiling, then maxDelay, jittered)', () => {
  it.each([
    ['attempt 1, lowest jitter', { attempt: 1, random: 0, remaining: 600_000, want: 2000 }],
    ['attempt 1, highest jitter', { attempt: 1, random: 1, remaining: 600_000, want: 2000 }],
    ['attempt 3, highest jitter', { attempt: 3, random: 1, remaining: 600_000, want: 8000 }],
    ['attempt 3, half jitter', { attempt: 3, random: 0.5, remaining: 600_000, want: 5000 }],
    ['attempt 5 is capped at maxDelay', { attempt: 5, random: 1, remaining: 600_000, want: 30_000 }],
    ['past the attempt ceiling: maxDelay', { attempt: 40, random: 1, remaining: 600_000, want: 30_000 }],
    ['cut so one more attempt fits', { attempt: 5, random: 1, remaining: 10_000, want: 8000 }],
    ['no time for another attempt', { attempt: 2, random: 0, remaining: 2000, want: undefined }],
  ])('%s', (_name, { attempt, random, remaining, want }) => {
    expect(waiterDelay(WAITER, attempt, remaining, () => random)).toBe(want);
  });

  it('never exceeds maxDelay nor goes below minDelay while time remains', () => {
    for (let attempt = 1; attempt < 30; attempt++)
      for (const r of [0, 0.3, 0.999]) {
        const d = waiterDelay(WAITER, attempt, 3_600_000, () => r)!;
        expect(d).toBeGreaterThanOrEqual(2000);
        expect(d).toBeLessThanOrEqual(30_000);
      }
  });
});

describe('matchState: the first matching acceptor decides', () => {
  const error = (code: string): PollResult => ({ error: new AcsServiceError({ code, message: code }) });
  it.each<[string, { given: PollResult; want: Acceptor['state'] }]>([
    ['all Ready', { given: { output: page('Ready', 'Ready') }, want: 'success' }],
    ['one still Starting: retry', { given: { output: page('Ready', 'Starting') }, want: 'retry' }],
    ['an empty list is not "all Ready"', { given: { output: page() }, want: 'retry' }],
    ['any Broken: failure', { given: { output: page('Ready', 'Broken') }, want: 'failure' }],
    ['the declared error: failure', { given: error('InvalidThing.NotFound'), want: 'failure' }],
    ['an undeclared error: failure (Smithy)', { given: error('Throttling.User'), want: 'failure' }],
  ])('%s', (_name, { given, want }) => {
    expect(matchState(WAITER.acceptors, given)).toBe(want);
  });

  it.each<[string, { matcher: Acceptor['matcher']; given: PollResult; want: Acceptor['state'] }]>([
    [
      'stringEquals',
      {
        matcher: { path: 'A.B', comparator: 'stringEquals', expected: 'x' },
        given: { output: { A: { B: 'x' } } },
        want: 'success',
      },
    ],
    [
      'stringEquals, other',
      {
        matcher: { path: 'A.B', comparator: 'stringEquals', expected: 'x' },
        given: { output: { A: { B: 'y' } } },
        want: 'retry',
      },
    ],
    [
      'booleanEquals',
      {
        matcher: { path: 'Done', comparator: 'booleanEquals', expected: 'true' },
        given: { output: { Done: true } },
        want: 'success',
      },
    ],
    [
      'booleanEquals is not a string',
      {
        matcher: { path: 'Done', comparator: 'booleanEquals', expected: 'true' },
        given: { output: { Done: 'true' } },
        want: 'retry',
      },
    ],
    ['errorType on a success', { matcher: { errorType: 'X' }, given: { output: {} }, want: 'retry' }],
    [
      'errorType on that error',
      {
        matcher: { errorType: 'X' },
        given: { error: new AcsError({ code: 'X', message: 'x' }) },
        want: 'success',
      },
    ],
    [
      'errorType on another error: no match, so the error fails the wait',
      {
        matcher: { errorType: 'X' },
        given: { error: new AcsError({ code: 'Y', message: 'y' }) },
        want: 'failure',
      },
    ],
    ['success: true', { matcher: { success: true }, given: { output: {} }, want: 'success' }],
    [
      'success: false on an error',
      {
        matcher: { success: false },
        given: { error: new AcsError({ code: 'X', message: 'x' }) },
        want: 'success',
      },
    ],
  ])('%s', (_name, { matcher, given, want }) => {
    expect(matchState([{ state: 'success', matcher }], given)).toBe(want);
  });
});

describe('valueAtPath', () => {
  it.each([
    ['a field', { path: 'A', value: { A: 1 }, want: 1 }],
    ['nested', { path: 'A.B', value: { A: { B: 'x' } }, want: 'x' }],
    ['missing', { path: 'A.B', value: { A: 1 }, want: undefined }],
    ['projection', { path: 'L[].S', value: { L: [{ S: 'a' }, { S: 'b' }, {}] }, want: ['a', 'b'] }],
    ['projection of nothing', { path: 'L[].S', value: {}, want: [] }],
    [
      'nested projections flatten',
      { path: 'L[].M[].S', value: { L: [{ M: [{ S: 1 }] }, { M: [{ S: 2 }, { S: 3 }] }] }, want: [1, 2, 3] },
    ],
  ])('%s', (_name, { path, value, want }) => {
    expect(valueAtPath(value, path)).toEqual(want);
  });
});

describe('runWaiter', () => {
  it('polls at once, then backs off until success', async () => {
    const env = fakeEnvironment();
    const answers = [page('Starting'), page('Starting'), page('Ready')];
    const result = await runWaiter(WAITER, async () => answers.shift(), {
      maxWaitSeconds: 300,
      environment: env,
    });
    expect(result).toMatchObject({ state: 'success', attempts: 3 });
    expect(env.delays).toEqual([2000, 3000]);
  });

  it('ends with Waiter.Timeout within the bound, the last attempt fitting in it', async () => {
    const env = fakeEnvironment(() => 1);
    let polls = 0;
    const waiting = runWaiter(
      WAITER,
      async () => {
        polls++;
        return page('Starting');
      },
      {
        maxWaitSeconds: 60,
        environment: env,
      },
    );
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsWaiterError);
    expect(error).toBeInstanceOf(AcsError);
    expect(error).toMatchObject({ code: 'Waiter.Timeout', waiter: 'ThingReady', attempts: polls });
    const waited = env.delays.reduce((a, b) => a + b, 0);
    expect(waited).toBeLessThanOrEqual(60_000 - 2000);
    expect(waited).toBeGreaterThan(60_000 - 2 * 2000 - 30_000);
  });

  it.each([
    ['a failure acceptor', { poll: async () => page('Broken'), cause: undefined }],
    [
      'a declared error',
      {
        poll: async () =>
          Promise.reject(new AcsServiceError({ code: 'InvalidThing.NotFound', message: 'no' })),
        cause: 'InvalidThing.NotFound',
      },
    ],
    [
      'an undeclared error',
      {
        poll: async () => Promise.reject(new AcsServiceError({ code: 'Throttling', message: 'slow' })),
        cause: 'Throttling',
      },
    ],
  ])('ends with Waiter.Failure on %s', async (_name, { poll, cause }) => {
    const error = (await runWaiter(WAITER, poll, {
      maxWaitSeconds: 60,
      environment: fakeEnvironment(),
    }).catch((e: unknown) => e)) as AcsWaiterError;
    expect(error).toBeInstanceOf(AcsWaiterError);
    expect(error.code).toBe('Waiter.Failure');
    expect((error.cause as AcsError | undefined)?.code).toBe(cause);
  });

  it('stops with AcsAbortError when the signal fires, between polls', async () => {
    const controller = new AbortController();
    let polls = 0;
    const poll = async () => {
      if (++polls === 2) controller.abort();
      return page('Starting');
    };
    const error = await runWaiter(WAITER, poll, {
      maxWaitSeconds: 300,
      signal: controller.signal,
      environment: fakeEnvironment(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsAbortError);
    expect(polls).toBe(2);
  });

  it('lets a request the client refused end the wait at once, unchanged', async () => {
    const refused = new AcsValidationError([{ path: 'RegionId', message: 'is required' }]);
    const error = await runWaiter(WAITER, () => Promise.reject(refused), {
      maxWaitSeconds: 60,
      environment: fakeEnvironment(),
    }).catch((e: unknown) => e);
    expect(error).toBe(refused);
  });

  it('refuses a wait without a positive bound, naming maxWaitSeconds', async () => {
    const error = await runWaiter(WAITER, async () => page('Ready'), { maxWaitSeconds: 0 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AcsValidationError);
    expect((error as AcsValidationError).message).toContain('maxWaitSeconds');
  });

  describe('a poll under way when the wait bound passes', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    /** A poll that answers only by failing when its signal aborts, as a call to a silent server does. */
    function silentPoll(seen: AbortSignal[]) {
      return (signal?: AbortSignal) =>
        new Promise<unknown>((_resolve, reject) => {
          if (signal !== undefined) seen.push(signal);
          signal?.addEventListener('abort', () =>
            reject(new AcsAbortError({ code: 'Client.Aborted', message: 'aborted' })),
          );
        });
    }

    it('is aborted at the bound and the wait ends with Waiter.Timeout, the abort as its cause', async () => {
      vi.useFakeTimers();
      const seen: AbortSignal[] = [];
      const waiting = runWaiter(WAITER, silentPoll(seen), {
        maxWaitSeconds: 5,
        environment: fakeEnvironment(),
      }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(4_999);
      expect(seen[0]?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const error = await waiting;
      expect(error).toBeInstanceOf(AcsWaiterError);
      expect(error).toMatchObject({ code: 'Waiter.Timeout', waiter: 'ThingReady', attempts: 1 });
      expect((error as AcsWaiterError).cause).toBeInstanceOf(AcsAbortError);
      expect(seen[0]?.aborted).toBe(true);
    });

    it('gets only the time left after the polls and sleeps before it', async () => {
      vi.useFakeTimers();
      const env = fakeEnvironment();
      const seen: AbortSignal[] = [];
      const answers: ((signal?: AbortSignal) => Promise<unknown>)[] = [
        async () => page('Starting'),
        silentPoll(seen),
      ];
      const waiting = runWaiter(WAITER, (signal) => answers.shift()!(signal), {
        maxWaitSeconds: 5,
        environment: env,
      }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(0);
      // The first sleep (2 s on the injected clock) leaves 3 s for the second poll.
      expect(env.delays).toEqual([2000]);
      await vi.advanceTimersByTimeAsync(2_999);
      expect(seen[0]?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await waiting).toMatchObject({ code: 'Waiter.Timeout', attempts: 2 });
    });

    it('ends with the caller’s abort, not a timeout, when the caller’s signal fires first', async () => {
      const controller = new AbortController();
      const seen: AbortSignal[] = [];
      const waiting = runWaiter(WAITER, silentPoll(seen), {
        maxWaitSeconds: 600,
        signal: controller.signal,
        environment: fakeEnvironment(),
      }).catch((e: unknown) => e);
      await Promise.resolve();
      controller.abort();
      const error = await waiting;
      expect(error).toBeInstanceOf(AcsAbortError);
      expect(error).not.toBeInstanceOf(AcsWaiterError);
    });
  });
});
