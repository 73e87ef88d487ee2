// The reference server's protocol, checked with requests signed by an independent signer: both
// signature versions, the common errors with the spec's status and envelope, the pinned order.
import { ecsErrorMessages, ecsService, validateDescribeInstanceStatusRequest } from '@acs-rpc/ecs';
import { validateErrorEnvelope } from '@acs-rpc/ecs/validators';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/start.ts';
import { rawV1, rawV3 } from '../support/raw-client.ts';

const server = await startServer({
  credentials: [
    { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
    { accessKeyId: 'STS.testid', accessKeySecret: 'testsecret', securityToken: 'teststsToken' },
    { accessKeyId: 'oldid', accessKeySecret: 'old', active: false },
  ],
});
afterAll(() => server.close());
const url = server.url;
const region = { RegionId: 'cn-hangzhou' };

function expectError(r: { status: number; json: () => Record<string, unknown> }, code: string) {
  const body = r.json();
  expect(body.Code).toBe(code);
  expect(r.status).toBe(ecsService.errors[code]!.httpStatus);
  expect(validateErrorEnvelope(body)).toEqual([]);
  return body;
}

function ids(n: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`InstanceId.${i + 1}`, `i-${i + 1}`]));
}

describe('valid requests', () => {
  it.each([
    ['V1 GET', () => rawV1(url, region)],
    ['V1 POST', () => rawV1(url, region, { method: 'POST' })],
    ['V3 GET', () => rawV3(url, region)],
    ['V3 POST', () => rawV3(url, region, { method: 'POST' })],
    ['V1 with STS', () => rawV1(url, region, { accessKeyId: 'STS.testid', token: 'teststsToken' })],
    ['V3 with STS', () => rawV3(url, region, { accessKeyId: 'STS.testid', token: 'teststsToken' })],
  ])('%s is accepted', async (_name, send) => {
    const r = await send();
    expect(r.status, r.text).toBe(200);
    expect(r.json()).toMatchObject({ TotalCount: 137, PageNumber: 1, PageSize: 10 });
  });

  it.each([' ', '*', '~', '+', '/', '!', "'", '(', ')', '中文'])(
    'verifies a signed value containing %j',
    async (c) => {
      for (const send of [rawV1, rawV3]) {
        const r = await send(url, { ...region, ClusterId: `x${c}y` });
        expect(r.status, r.text).toBe(200);
        expect(r.json().TotalCount).toBe(0);
      }
    },
  );
});

describe('common errors, with the spec’s status and message', () => {
  it.each([
    [
      'an unknown AccessKeyId',
      () => rawV1(url, region, { accessKeyId: 'nobody' }),
      'InvalidAccessKeyId.NotFound',
    ],
    [
      'an inactive key',
      () => rawV3(url, region, { accessKeyId: 'oldid', secret: 'old' }),
      'InvalidAccessKeyId.Inactive',
    ],
    ['a wrong secret (V1)', () => rawV1(url, region, { secret: 'nope' }), 'SignatureDoesNotMatch'],
    ['a wrong secret (V3)', () => rawV3(url, region, { secret: 'nope' }), 'SignatureDoesNotMatch'],
    [
      'a parameter changed after signing (V1)',
      () =>
        rawV1(url, region, { tamper: (p) => p.map(([k, v]) => [k, k === 'RegionId' ? 'cn-shanghai' : v]) }),
      'SignatureDoesNotMatch',
    ],
    [
      'a parameter changed after signing (V3)',
      () => rawV3(url, region, { tamper: (p) => [...p, ['PageSize', '50']] }),
      'SignatureDoesNotMatch',
    ],
    ['a missing Signature', () => rawV1(url, region, { omit: ['Signature'] }), 'MissingParameter'],
    ['a missing SignatureNonce', () => rawV1(url, region, { omit: ['SignatureNonce'] }), 'MissingParameter'],
    [
      'an unsigned x-acs-* header',
      () => rawV3(url, region, { headers: { 'x-acs-extra': '1' } }),
      'IncompleteSignature',
    ],
    [
      'a malformed timestamp',
      () => rawV1(url, region, { timestamp: '2026-11-22 10:00:00' }),
      'InvalidTimeStamp.Format',
    ],
    [
      'an old timestamp',
      () => rawV3(url, region, { timestamp: '2020-01-01T00:00:00Z' }),
      'InvalidTimeStamp.Expired',
    ],
    [
      'a token for a plain key',
      () => rawV1(url, region, { token: 'teststsToken' }),
      'InvalidSecurityToken.MismatchWithAccessKey',
    ],
    [
      'the wrong token',
      () => rawV3(url, region, { accessKeyId: 'STS.testid', token: 'other' }),
      'InvalidSecurityToken.MismatchWithAccessKey',
    ],
    ['an unknown region', () => rawV1(url, { RegionId: 'xx-nowhere' }), 'InvalidRegionId.NotFound'],
    ['an unknown zone', () => rawV3(url, { ...region, ZoneId: 'cn-shanghai-e' }), 'InvalidZoneId.NotFound'],
    ['PageSize 51', () => rawV1(url, { ...region, PageSize: '51' }), 'InvalidParameter'],
    ['PageSize abc', () => rawV3(url, { ...region, PageSize: 'abc' }), 'InvalidParameter'],
    ['InstanceId.101', () => rawV1(url, { ...region, ...ids(101) }), 'InvalidParameter'],
    [
      'an unknown Action',
      () => rawV1(url, { ...region, Action: 'RebootEverything' }),
      'InvalidAction.NotFound',
    ],
    ['an unknown Version', () => rawV1(url, { ...region, Version: '2099-01-01' }), 'InvalidVersion'],
  ])('%s', async (_name, send, code) => {
    expectError(await send(), code);
  });

  it('says which parameter is missing, in the pinned words', async () => {
    const body = expectError(await rawV1(url, {}), 'MissingParameter');
    expect(body.Message).toBe(
      'The input parameter "RegionId" that is mandatory for processing this request is not supplied.',
    );
    expect(ecsErrorMessages.MissingParameter).toContain('{Name}');
  });

  it('rejects a replayed nonce', async () => {
    expect((await rawV3(url, region, { nonce: 'once-only' })).status).toBe(200);
    expectError(await rawV3(url, region, { nonce: 'once-only' }), 'SignatureNonceUsed');
  });

  it('answers other methods with UnsupportedHTTPMethod', async () => {
    const r = await fetch(`${url}/?Action=DescribeInstanceStatus`, { method: 'PUT' });
    expect(r.status).toBe(400);
    expect((await r.json()).Code).toBe('UnsupportedHTTPMethod');
  });

  it('checks authentication before parameters', async () => {
    expectError(await rawV1(url, { PageSize: '0' }, { secret: 'nope' }), 'SignatureDoesNotMatch');
  });

  it('answers in XML when asked, with the <Error> root', async () => {
    const r = await rawV1(url, { Format: 'xml', RegionId: 'xx' });
    expect(r.headers.get('content-type')).toContain('xml');
    expect(r.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><Error><RequestId>[0-9A-F-]{36}<\/RequestId><HostId>127\.0\.0\.1:\d+<\/HostId><Code>InvalidRegionId\.NotFound<\/Code>/,
    );
  });
});

describe('robustness', () => {
  it('gives every response its own RequestId', async () => {
    const requestIds = await Promise.all(
      Array.from({ length: 50 }, () => rawV3(url, region).then((r) => r.json().RequestId)),
    );
    expect(new Set(requestIds).size).toBe(50);
  });

  it('never answers 5xx to garbage', async () => {
    const garbage = [
      '/?%zz',
      '/?Action=%E0%A4%A',
      '/?Action=DescribeInstanceStatus&Version=2014-05-26',
      '/?&&&==',
      '/x/y?Action=',
    ];
    for (const path of garbage) {
      const r = await fetch(`${url}${path}`);
      expect(r.status, path).toBeLessThan(500);
    }
  });

  it('validates with the generated request validator', () => {
    expect(validateDescribeInstanceStatusRequest({ RegionId: 'x', PageSize: 0 })).toHaveLength(1);
  });
});
