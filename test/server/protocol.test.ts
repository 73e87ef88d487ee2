// The reference server's protocol, checked with requests signed by an independent signer: both
// signature versions, the common errors with the spec's status and envelope, the pinned order.
import { ecsService, validateDescribeInstanceStatusRequest } from '@acs-rpc/ecs';
import { validateErrorEnvelope } from '@acs-rpc/ecs/validators';
import { afterAll, describe, expect, it } from 'vitest';
import { startEcsServer } from '../support/ecs-server.ts';
import { rawV1, rawV3 } from '../support/raw-client.ts';

const server = await startEcsServer({
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
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`InstanceId.${i + 1}`, `i-hz${String(i + 1).padStart(4, '0')}`]),
  );
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
    // The whole answer is known before it is sent: its length, not chunks (a client can size it first).
    expect(r.headers.get('content-length')).toBe(String(Buffer.byteLength(r.text)));
    expect(r.headers.get('transfer-encoding')).toBeNull();
    expect(r.headers.get('date')).toBeTruthy();
  });

  it.each([
    ['V1 GET', rawV1, 'GET'],
    ['V1 POST', rawV1, 'POST'],
    ['V3 GET', rawV3, 'GET'],
    ['V3 POST', rawV3, 'POST'],
  ] as const)(
    '%s with 12 InstanceIds (InstanceId.10 sorts before InstanceId.2)',
    async (_n, send, method) => {
      const r = await send(url, { ...region, ...ids(12), PageSize: '50' }, { method });
      expect(r.status, r.text).toBe(200);
      const statuses = (r.json().InstanceStatuses as { InstanceStatus: { InstanceId: string }[] })
        .InstanceStatus;
      expect(statuses.map((s) => s.InstanceId)).toEqual(Object.values(ids(12)));
    },
  );

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

// Each error's status and envelope, in JSON and XML: errors.test.ts. Here: which check answers first.
describe('the pinned order of checks', () => {
  const bad = { secret: 'nope' };
  it.each([
    ['method before action', () => fetch(`${url}/?Action=Nope`, { method: 'PUT' }), 'UnsupportedHTTPMethod'],
    [
      'action before version',
      () => rawV1(url, { ...region, Action: 'Nope', Version: '1999-01-01' }),
      'InvalidAction.NotFound',
    ],
    [
      'version before authentication',
      () => rawV1(url, { ...region, Version: '1999-01-01' }, bad),
      'InvalidVersion',
    ],
    [
      'timestamp before key',
      () => rawV3(url, region, { accessKeyId: 'nobody', timestamp: '2020-01-01T00:00:00Z' }),
      'InvalidTimeStamp.Expired',
    ],
    [
      'key before signature',
      () => rawV1(url, region, { ...bad, accessKeyId: 'nobody' }),
      'InvalidAccessKeyId.NotFound',
    ],
    [
      'authentication before faults',
      () => rawV1(url, region, { ...bad, headers: { 'x-acs-fault': 'throttling' } }),
      'SignatureDoesNotMatch',
    ],
    ['authentication before parameters', () => rawV1(url, { PageSize: '0' }, bad), 'SignatureDoesNotMatch'],
    [
      'faults before parameters',
      () => rawV3(url, { PageSize: '0' }, { headers: { 'x-acs-fault': '503' } }),
      'ServiceUnavailable',
    ],
    [
      'parameters before the handler',
      () => rawV3(url, { RegionId: 'xx-nowhere', PageSize: '0' }),
      'InvalidParameter',
    ],
  ])('%s', async (_name, send, code) => {
    const r = await send();
    const body = r instanceof Response ? await r.json() : r.json();
    expect(body.Code).toBe(code);
  });

  it('does not spend the nonce of a refused request', async () => {
    expectError(await rawV3(url, region, { nonce: 'kept', secret: 'nope' }), 'SignatureDoesNotMatch');
    expect((await rawV3(url, region, { nonce: 'kept' })).status).toBe(200);
    expectError(await rawV3(url, region, { nonce: 'kept', secret: 'nope' }), 'SignatureDoesNotMatch');
    expectError(await rawV3(url, region, { nonce: 'kept' }), 'SignatureNonceUsed');
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
