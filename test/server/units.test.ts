// The reference server's parts on their own: nonce memory, fault syntax and counters, decoding by
// descriptor, formats, XML writing and seed checks.
import { describeInstanceStatusAction } from '@acs-rpc/ecs';
import { describe, expect, it } from 'vitest';
import { NonceRegistry } from '../../server/auth/nonces.ts';
import { checkTimestamp } from '../../server/auth/timestamp.ts';
import { digest } from '../../server/digest.ts';
import { parseFaultHeader } from '../../server/faults/header.ts';
import { fingerprint } from '../../server/faults/inject.ts';
import { FingerprintCounter, RateLimiter } from '../../server/faults/limits.ts';
import { countPieces } from '../../server/http/limits.ts';
import { decodePairs } from '../../server/http/read-request.ts';
import { decodeParams, issueToError } from '../../server/protocol/decode.ts';
import { chooseFormat, RPC_FORMAT, sharedRule } from '../../server/protocol/format.ts';
import { render } from '../../server/protocol/render.ts';
import { ServerError } from '../../server/protocol/server-error.ts';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof ServerError ? error.code : String(error);
  }
  return 'none';
};

describe('NonceRegistry', () => {
  it('refuses a nonce within its lifetime and forgets it after', () => {
    const nonces = new NonceRegistry(1_000);
    expect(nonces.claim('a', 0)).toBe(true);
    expect(nonces.claim('a', 999)).toBe(false);
    expect(nonces.claim('a', 1_000)).toBe(true);
  });

  it('keeps at most its capacity, dropping the oldest', () => {
    const nonces = new NonceRegistry(60_000, 100);
    for (let i = 0; i < 1_000; i++) nonces.claim(`n${i}`, i);
    expect(nonces.size).toBeLessThanOrEqual(100);
    expect(nonces.claim('n999', 1_000)).toBe(false);
    expect(nonces.claim('n0', 1_000)).toBe(true);
  });

  it('holds a bounded number of bytes however long the nonces are (issue 13: 900 KB nonces)', () => {
    const nonces = new NonceRegistry(60_000, 100);
    const long = (i: number) => `${i}-${'n'.repeat(60_000)}`;
    for (let i = 0; i < 1_000; i++) expect(nonces.claim(long(i), i)).toBe(true);
    expect(nonces.keyChars).toBeLessThanOrEqual(100 * 64);
    expect(nonces.claim(long(999), 1_000)).toBe(false);
    expect(nonces.claim(long(998).replace(/n$/, 'm'), 1_000)).toBe(true);
  });

  it('never takes a short nonce for a long one kept as its digest', () => {
    const nonces = new NonceRegistry(60_000, 100);
    const long = 'n'.repeat(100);
    expect(nonces.claim(long, 0)).toBe(true);
    expect(nonces.claim(digest(long), 1)).toBe(true);
    expect(nonces.claim(long, 2)).toBe(false);
    expect(nonces.claim('n'.repeat(63), 3)).toBe(true);
    expect(nonces.claim('n'.repeat(63), 4)).toBe(false);
  });

  it('drops expired nonces as time passes', () => {
    const nonces = new NonceRegistry(10);
    for (let i = 0; i < 50; i++) nonces.claim(`n${i}`, 0);
    nonces.claim('later', 100);
    expect(nonces.size).toBe(1);
  });
});

describe('countPieces', () => {
  it('counts the pieces between & without decoding, empty ones too, and stops past its limit', () => {
    expect(countPieces('')).toBe(0);
    expect(countPieces('a=1&b=%26&&c')).toBe(4);
    expect(countPieces(Buffer.from('a&b&c'))).toBe(3);
    // U+0126 is not an ampersand, whatever its low byte.
    expect(countPieces('a=\u0126')).toBe(1);
    expect(countPieces('&'.repeat(1_000), 10)).toBe(11);
  });
});

describe('checkTimestamp', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');
  it.each([
    ['2026-06-01T11:45:00Z', 'none'],
    ['2026-06-01T11:44:59Z', 'InvalidTimeStamp.Expired'],
    ['2026-06-01T12:15:00Z', 'none'],
    ['2026-06-01T12:15:01Z', 'InvalidTimeStamp.Expired'],
    ['2026-02-29T12:00:00Z', 'InvalidTimeStamp.Format'],
    ['2026-06-01T12:00:60Z', 'InvalidTimeStamp.Format'],
    ['2026-06-01t12:00:00z', 'InvalidTimeStamp.Format'],
  ])('%s → %s', (value, expected) => {
    expect(code(() => checkTimestamp(value, 'Timestamp', now, 900))).toBe(expected);
  });
});

describe('the fault header', () => {
  it('reads kinds, times, latency and rate limits', () => {
    expect(parseFaultHeader(' 503;times=2, latency=200 ,ratelimit=5,5xx,reset')).toMatchObject({
      rules: [{ kind: '503', times: 2 }, { kind: '500' }, { kind: 'reset' }],
      latencyMs: 200,
      rateLimit: 5,
    });
    expect(parseFaultHeader('')).toMatchObject({ rules: [], latencyMs: 0, rateLimit: undefined });
  });

  it.each([
    'boom',
    'latency',
    'latency=abc',
    '503;times',
    '503;times=x',
    '503;when=2',
    'malformed=1',
    'toString',
  ])('refuses %j with InvalidParameter', (text) => {
    expect(code(() => parseFaultHeader(text))).toBe('InvalidParameter');
  });

  it('counts fingerprints, forgetting the oldest beyond capacity', () => {
    const counter = new FingerprintCounter(2);
    expect([
      counter.hit('a'),
      counter.hit('a'),
      counter.hit('b'),
      counter.hit('c'),
      counter.hit('a'),
    ]).toEqual([0, 1, 0, 0, 0]);
  });

  it('holds a bounded number of bytes however long the fingerprints are', () => {
    const counter = new FingerprintCounter(100);
    const long = (i: number) => `${i}|${'p'.repeat(60_000)}`;
    for (let i = 0; i < 1_000; i++) counter.hit(long(i));
    expect(counter.keyChars).toBeLessThanOrEqual(100 * 64);
    expect(counter.hit(long(999))).toBe(1);
  });

  it('fingerprints a call by key, action and parameters, not their order', () => {
    const a = fingerprint('k', 'A', [
      ['x', '1'],
      ['y', '2'],
    ]);
    expect(
      fingerprint('k', 'A', [
        ['y', '2'],
        ['x', '1'],
      ]),
    ).toBe(a);
    expect(fingerprint('k2', 'A', [['x', '1']])).not.toBe(a);
  });

  it('rate-limits with a token bucket per key', () => {
    const limiter = new RateLimiter();
    const taken = Array.from({ length: 5 }, () => limiter.take('k', 3, 0));
    expect(taken).toEqual([true, true, true, false, false]);
    expect(limiter.take('other', 3, 0)).toBe(true);
    expect(limiter.take('k', 3, 400)).toBe(true);
  });
});

describe('decoding by descriptor', () => {
  const decode = (pairs: [string, string][]) => decodeParams(describeInstanceStatusAction, pairs);

  it('gathers repeat lists in index order, reads integers, ignores unknown parameters', () => {
    const pairs: [string, string][] = Array.from({ length: 12 }, (_, i) => [
      `InstanceId.${12 - i}`,
      `i-${12 - i}`,
    ]);
    expect(decode([...pairs, ['PageSize', '7'], ['RegionId', 'r'], ['Whatever', 'x']])).toEqual({
      RegionId: 'r',
      PageSize: 7,
      InstanceId: Array.from({ length: 12 }, (_, i) => `i-${i + 1}`),
    });
  });

  it('leaves text that is not an integer as text, for the validator to name', () => {
    expect(decode([['PageSize', '1e3']])).toEqual({ PageSize: '1e3' });
    const issues = describeInstanceStatusAction.validateRequest({ RegionId: 'r', PageSize: '1e3' });
    expect(issueToError(issues[0]!, describeInstanceStatusAction)).toMatchObject({
      code: 'InvalidParameter',
      param: 'PageSize',
    });
  });

  it.each([
    [
      [
        ['RegionId', 'a'],
        ['RegionId', 'b'],
      ],
      'InvalidParameter',
    ],
    [[['InstanceId.x', 'a']], 'InvalidParameter'],
    [[['InstanceId.01', 'a']], 'InvalidParameter'],
    [[['InstanceId.1', 'a']], 'none'],
    [
      [
        ['InstanceId.1', 'a'],
        ['InstanceId.3', 'c'],
      ],
      'InvalidParameter',
    ],
  ] as [[string, string][], string][])('%j → %s', (pairs, expected) => {
    expect(code(() => decode(pairs))).toBe(expected);
  });

  it('names a missing parameter MissingParameter, an item by its wire name', () => {
    const toError = (path: string, message: string) =>
      issueToError({ path, message }, describeInstanceStatusAction);
    expect(toError('RegionId', 'is required')).toMatchObject({
      code: 'MissingParameter',
    });
    expect(toError('InstanceId[2]', 'must not be empty').param).toBe('InstanceId.3');
  });

  it('decodes percent-escapes, keeps + literal, refuses broken UTF-8', () => {
    expect(decodePairs('a=%2A%20+&b&=c')).toEqual([
      ['a', '* +'],
      ['b', ''],
      ['', 'c'],
    ]);
    expect(code(() => decodePairs('a=%E0%A4'))).toBe('InvalidParameter');
  });
});

describe('formats and XML', () => {
  it.each([
    [[['Format', 'xml']], {}, 'XML'],
    [[['Format', 'JSON']], { accept: 'application/xml' }, 'JSON'],
    [[], { accept: 'text/xml' }, 'XML'],
    [[], { accept: 'application/json' }, 'JSON'],
    [[], { accept: 'application/json, text/xml' }, 'JSON'],
    [[], {}, 'JSON'],
    [[['Format', 'yaml']], {}, 'JSON'],
  ] as [[string, string][], Record<string, string>, string][])('%j %j → %s', (pairs, headers, format) => {
    expect(chooseFormat(pairs, headers)).toBe(format);
  });

  it.each([
    [[['Out', 'JSON']], {}, 'JSON'],
    [[['Out', 'json']], {}, 'XML'],
    [[['Format', 'JSON']], {}, 'XML'],
    [[], { accept: 'application/json' }, 'XML'],
  ] as [[string, string][], Record<string, string>, string][])(
    'by a spec that pins its own rule: %j %j → %s',
    (pairs, headers, format) => {
      const rule = {
        formatParameter: 'Out',
        caseInsensitive: false,
        acceptHeader: false,
        defaultFormat: 'XML',
      } as const;
      expect(chooseFormat(pairs, headers, rule)).toBe(format);
    },
  );

  it("takes the services' rule when they agree on it, else the RPC convention", () => {
    const own = {
      formatParameter: 'Out',
      caseInsensitive: false,
      acceptHeader: false,
      defaultFormat: 'XML',
    } as const;
    expect(sharedRule([own, { ...own }])).toEqual(own);
    expect(sharedRule([own, undefined])).toBe(RPC_FORMAT);
    expect(sharedRule([own, { ...own, defaultFormat: 'JSON' }])).toBe(RPC_FORMAT);
    expect(sharedRule([undefined])).toBe(RPC_FORMAT);
  });

  it('writes XML from the response shape, lists unwrapped, values escaped', () => {
    const xml = render(
      'XML',
      describeInstanceStatusAction.xmlRoot,
      describeInstanceStatusAction.responseShape,
      {
        RequestId: 'R',
        TotalCount: 2,
        PageNumber: 1,
        PageSize: 10,
        InstanceStatuses: { InstanceStatus: [{ InstanceId: 'i-<&>"\'', Status: 'Running' }] },
      },
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><DescribeInstanceStatusResponse><RequestId>R</RequestId>' +
        '<TotalCount>2</TotalCount><PageNumber>1</PageNumber><PageSize>10</PageSize><InstanceStatuses>' +
        '<InstanceStatus><InstanceId>i-&lt;&amp;&gt;&quot;&apos;</InstanceId><Status>Running</Status>' +
        '</InstanceStatus></InstanceStatuses></DescribeInstanceStatusResponse>',
    );
  });
});
