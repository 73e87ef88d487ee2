// The conformance assertions: each wrong answer fails with a message naming what was expected, and
// carries the exchange (request redacted) for the report.
import { describe, expect, it } from 'vitest';
import {
  baseParams,
  expectError,
  expectSuccess,
  fail,
  valueAt,
  wire,
} from '../../../templates/conformance/assert.ts';
import type { Exchange } from '../../../templates/conformance/http.ts';
import { CheckFailure, CheckSkipped } from '../../../templates/conformance/types.ts';
import { createThingFacts, describeThingsFacts, widgetsContext } from '../../support/widgets-conformance.ts';

function exchange(
  status: number,
  body: Record<string, unknown> | undefined,
  text = JSON.stringify(body ?? ''),
): Exchange {
  return { status, headers: new Headers(), text, body, sent: 'GET http://h/?Signature=***', secrets: [] };
}
function failureOf(run: () => unknown): CheckFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof CheckFailure) return error;
    throw error;
  }
  throw new Error('expected a CheckFailure');
}
const notFound = {
  RequestId: 'R',
  HostId: 'h',
  Code: 'InvalidThing.NotFound',
  Message: 'The thing does not exist.',
};

describe('fail', () => {
  it('throws a CheckFailure with the exchange described, or without one', () => {
    const withExchange = failureOf(() => fail('bad', exchange(500, undefined, 'oops')));
    expect(withExchange).toMatchObject({
      message: 'bad',
      sent: 'GET http://h/?Signature=***',
      received: 'HTTP 500\noops',
    });
    const bare = failureOf(() => fail('bad'));
    expect(bare.sent).toBeUndefined();
    expect(bare.received).toBeUndefined();
  });
});

describe('expectError', () => {
  const ctx = widgetsContext();
  it('accepts the documented status, code and a valid envelope', () => {
    expect(() =>
      expectError(ctx, exchange(404, notFound), 'InvalidThing.NotFound', /does not exist/),
    ).not.toThrow();
  });

  it.each<[string, { given: Exchange; code?: string; pattern?: RegExp; message: string }]>([
    [
      'a success',
      { given: exchange(200, notFound), message: 'expected InvalidThing.NotFound (HTTP 404), got a success' },
    ],
    [
      'a 299',
      { given: exchange(299, notFound), message: 'expected InvalidThing.NotFound (HTTP 404), got a success' },
    ],
    [
      'a server error for a client error',
      {
        given: exchange(500, notFound),
        message: 'expected InvalidThing.NotFound (HTTP 404), got a server error',
      },
    ],
    [
      'another code',
      {
        given: exchange(404, { ...notFound, Code: 'Other' }),
        message: 'expected Code InvalidThing.NotFound, got "Other"',
      },
    ],
    [
      'no body',
      { given: exchange(404, undefined), message: 'expected Code InvalidThing.NotFound, got undefined' },
    ],
    [
      'another status',
      { given: exchange(400, notFound), message: 'InvalidThing.NotFound must come with HTTP 404, got 400' },
    ],
    [
      'an invalid envelope',
      {
        given: exchange(404, { Code: 'InvalidThing.NotFound' }),
        message: 'the error envelope is invalid: RequestId is required; Message is required',
      },
    ],
    [
      'a message that does not match',
      { given: exchange(404, notFound), pattern: /^Nope$/, message: 'the message does not match /^Nope$/' },
    ],
  ])('fails on %s', (_name, { given, pattern, message }) => {
    const failure = failureOf(() => expectError(ctx, given, 'InvalidThing.NotFound', pattern));
    expect(failure.message).toBe(message);
    expect(failure.received).toMatch(/^HTTP \d+\n/);
  });

  it('accepts a 5xx when the code is documented as one', () => {
    const internal = { RequestId: 'R', Code: 'InternalError', Message: 'x' };
    expect(() => expectError(ctx, exchange(500, internal), 'InternalError')).not.toThrow();
  });

  it('allows a 499 for a 404 code only by the status check', () => {
    expect(failureOf(() => expectError(ctx, exchange(499, notFound), 'InvalidThing.NotFound')).message).toBe(
      'InvalidThing.NotFound must come with HTTP 404, got 499',
    );
  });
});

describe('expectSuccess', () => {
  it('returns the body normalized by the action shape', () => {
    expect(expectSuccess(describeThingsFacts, exchange(200, { RequestId: 'R', TotalCount: '2' }))).toEqual({
      RequestId: 'R',
      TotalCount: 2,
    });
  });

  it.each<[string, { given: Exchange; message: string }]>([
    ['another status', { given: exchange(201, { RequestId: 'R' }), message: 'expected HTTP 200, got 201' }],
    ['no body', { given: exchange(200, undefined), message: 'the body is neither a JSON object nor XML' }],
    [
      'the wrong shape',
      {
        given: exchange(200, { RequestId: 'R', TotalCount: 'x' }),
        message:
          'the body does not have the spec\'s shape: Response field TotalCount should be an integer, got "x".',
      },
    ],
    [
      'an invalid body',
      { given: exchange(200, { TotalCount: 1 }), message: 'the body is invalid: RequestId is required' },
    ],
  ])('fails on %s', (_name, { given, message }) => {
    expect(failureOf(() => expectSuccess(describeThingsFacts, given)).message).toBe(message);
  });
});

describe('baseParams and wire', () => {
  it('fills each required parameter from --values first, else the example; leaves optional ones out', () => {
    expect(baseParams(widgetsContext(), describeThingsFacts)).toEqual({ RegionId: 'cn-north' });
    expect(baseParams(widgetsContext('http://h', { RegionId: 'cn-given' }), describeThingsFacts)).toEqual({
      RegionId: 'cn-given',
    });
  });

  it('takes the example another action gives for a parameter of that name', () => {
    expect(baseParams(widgetsContext(), createThingFacts)).toEqual({ RegionId: 'cn-north' });
  });

  const withParam = (schema: Record<string, unknown>, errors: readonly string[] = []) =>
    ({
      ...createThingFacts,
      errors,
      params: [{ name: 'Label', style: 'scalar', required: true, schema }],
    }) as unknown as typeof createThingFacts;
  const skipped = (name: string) =>
    new CheckSkipped(
      `no valid value is known for the required parameter ${name} (the spec gives no example): pass --value ${name}=…`,
    );

  it('makes up the smallest valid value of a required parameter no action gives an example of', () => {
    expect(baseParams(widgetsContext(), withParam({ type: 'string', minLength: 2 }))).toEqual({
      Label: 'aa',
    });
  });

  it('skips, asking for a value, when no valid value can be known', () => {
    expect(() => baseParams(widgetsContext(), withParam({ type: 'string', pattern: '^l-\\d{4}$' }))).toThrow(
      skipped('Label'),
    );
  });

  it('never makes up a value that names something (the action answers Invalid<Name>.NotFound)', () => {
    expect(() =>
      baseParams(widgetsContext(), withParam({ type: 'string' }, ['InvalidLabel.NotFound'])),
    ).toThrow(skipped('Label'));
  });

  it('serializes like the client', () => {
    expect(wire(describeThingsFacts, { RegionId: 'r', ThingId: ['a', 'b'] })).toEqual([
      ['RegionId', 'r'],
      ['ThingId.1', 'a'],
      ['ThingId.2', 'b'],
    ]);
  });
});

describe('valueAt', () => {
  it.each<[string, { path: string[]; want: unknown }]>([
    ['the whole value', { path: [], want: { A: { B: [1] } } }],
    ['a nested value', { path: ['A', 'B'], want: [1] }],
    ['a missing key', { path: ['A', 'C', 'D'], want: undefined }],
  ])('%s', (_name, { path, want }) => {
    expect(valueAt({ A: { B: [1] } }, path)).toEqual(want);
  });
});
