// Every error the reference server answers, in JSON and in XML: the spec's status for the code, a
// valid envelope whose Message is the code's documented message (with {Name} filled in), the
// RequestId also in x-acs-request-id, HostId the Host the client used, a Date header and the body's
// Content-Length.
import { randomUUID } from 'node:crypto';
import { ecsErrorMessages, ecsService } from '@acs-rpc/ecs';
import { conformanceFacts } from '@acs-rpc/ecs/conformance';
import { validateErrorEnvelope } from '@acs-rpc/ecs/validators';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { documentedErrors } from '../../templates/conformance/types.ts';
import { startEcsServer } from '../support/ecs-server.ts';
import { type RawOptions, type RawResponse, rawV1, rawV3 } from '../support/raw-client.ts';

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

type Send = (xml: boolean) => Promise<RawResponse>;
const v1 =
  (params: Record<string, string>, o: RawOptions = {}): Send =>
  (xml) =>
    rawV1(url, xml ? { ...params, Format: 'xml' } : params, o);
const v3 =
  (params: Record<string, string>, o: RawOptions = {}): Send =>
  (xml) =>
    rawV3(url, params, xml ? { ...o, headers: { ...o.headers, accept: 'application/xml' } } : o);
const ids = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`InstanceId.${i + 1}`, `i-${i + 1}`]));

/** [what, code, request, the parameter named in the message (when the message has {Name})] */
const CASES: [string, string, Send, string?][] = [
  ['no RegionId (V1)', 'MissingParameter', v1({}), 'RegionId'],
  ['no RegionId (V3)', 'MissingParameter', v3({}), 'RegionId'],
  ['no Action', 'MissingParameter', v1(region, { omit: ['Action'] }), 'Action'],
  ['no Version', 'MissingParameter', v1(region, { omit: ['Version'] }), 'Version'],
  ['no Signature', 'MissingParameter', v1(region, { omit: ['Signature'] }), 'Signature'],
  ['no Timestamp', 'MissingParameter', v1(region, { omit: ['Timestamp'] }), 'Timestamp'],
  ['no AccessKeyId', 'MissingParameter', v1(region, { omit: ['AccessKeyId'] }), 'AccessKeyId'],
  ['no x-acs-signature-nonce', 'MissingParameter', v3(region, { omit: ['x-acs-signature-nonce'] })],
  ['an unknown Version (V1)', 'InvalidVersion', v1({ ...region, Version: '2099-01-01' })],
  [
    'an unknown Version (V3)',
    'InvalidVersion',
    v3(region, { signHeaders: { 'x-acs-version': '2099-01-01' } }),
  ],
  ['an unknown Action (V1)', 'InvalidAction.NotFound', v1({ ...region, Action: 'RebootEverything' })],
  [
    'an unknown Action (V3)',
    'InvalidAction.NotFound',
    v3(region, { signHeaders: { 'x-acs-action': 'Nope' } }),
  ],
  ['an unsigned x-acs-* header', 'IncompleteSignature', v3(region, { headers: { 'x-acs-extra': '1' } })],
  ['host not signed', 'IncompleteSignature', v3(region, { omit: ['host'] })],
  [
    'a malformed Authorization',
    'IncompleteSignature',
    v3(region, { headers: { authorization: 'ACS3-HMAC-SHA256 Credential=testid' } }),
  ],
  ['another SignatureMethod', 'IncompleteSignature', v1({ ...region, SignatureMethod: 'HMAC-SHA256' })],
  ['a wrong secret (V1)', 'SignatureDoesNotMatch', v1(region, { secret: 'nope' })],
  ['a wrong secret (V3)', 'SignatureDoesNotMatch', v3(region, { secret: 'nope' })],
  [
    'a parameter changed after signing (V1 POST)',
    'SignatureDoesNotMatch',
    v1(region, { method: 'POST', tamper: (p) => [...p, ['ZoneId', 'cn-hangzhou-h']] }),
  ],
  [
    'a parameter changed after signing (V3)',
    'SignatureDoesNotMatch',
    v3(region, { tamper: (p) => p.map(([k, v]) => [k, k === 'RegionId' ? 'cn-shanghai' : v]) }),
  ],
  [
    'a body that does not match x-acs-content-sha256',
    'SignatureDoesNotMatch',
    v3(region, { method: 'POST', headers: { 'x-acs-content-sha256': 'ab'.repeat(32) } }),
  ],
  ['a malformed timestamp', 'InvalidTimeStamp.Format', v1(region, { timestamp: '2026-11-22 10:00:00' })],
  ['an impossible date', 'InvalidTimeStamp.Format', v3(region, { timestamp: '2026-02-31T10:00:00Z' })],
  ['an old timestamp', 'InvalidTimeStamp.Expired', v3(region, { timestamp: '2020-01-01T00:00:00Z' })],
  ['an unknown key (V1)', 'InvalidAccessKeyId.NotFound', v1(region, { accessKeyId: 'nobody' })],
  ['an unknown key (V3)', 'InvalidAccessKeyId.NotFound', v3(region, { accessKeyId: 'nobody' })],
  ['an inactive key', 'InvalidAccessKeyId.Inactive', v3(region, { accessKeyId: 'oldid', secret: 'old' })],
  ['an STS key without token', 'InvalidSecurityToken.Malformed', v1(region, { accessKeyId: 'STS.testid' })],
  [
    'the wrong token',
    'InvalidSecurityToken.MismatchWithAccessKey',
    v3(region, { accessKeyId: 'STS.testid', token: 'other' }),
  ],
  [
    'a token with a plain key',
    'InvalidSecurityToken.MismatchWithAccessKey',
    v1(region, { token: 'teststsToken' }),
  ],
  ['PageSize=abc', 'InvalidParameter', v1({ ...region, PageSize: 'abc' }), 'PageSize'],
  ['PageSize=0', 'InvalidParameter', v3({ ...region, PageSize: '0' }), 'PageSize'],
  ['PageSize=51', 'InvalidParameter', v1({ ...region, PageSize: '51' }), 'PageSize'],
  ['PageNumber=1.5', 'InvalidParameter', v3({ ...region, PageNumber: '1.5' }), 'PageNumber'],
  ['an empty RegionId', 'InvalidParameter', v1({ RegionId: '' }), 'RegionId'],
  ['101 InstanceIds', 'InvalidParameter', v1({ ...region, ...ids(101) }), 'InstanceId'],
  [
    'an empty InstanceId.3',
    'InvalidParameter',
    v3({ ...region, ...ids(2), 'InstanceId.3': '' }),
    'InstanceId.3',
  ],
  ['InstanceId.0', 'InvalidParameter', v3({ ...region, 'InstanceId.0': 'i-1' }), 'InstanceId.0'],
  [
    'a parameter sent twice (V1)',
    'InvalidParameter',
    v1(region, { extra: [['RegionId', 'cn-hangzhou']] }),
    'RegionId',
  ],
  [
    'a parameter sent twice (V3 POST)',
    'InvalidParameter',
    v3({ ...region, PageSize: '5' }, { method: 'POST', extra: [['PageSize', '5']] }),
    'PageSize',
  ],
  ['an unknown fault', 'InvalidParameter', v1(region, { headers: { 'x-acs-fault': 'boom' } }), 'x-acs-fault'],
  ['an unknown region', 'InvalidRegionId.NotFound', v1({ RegionId: 'xx-nowhere' })],
  ['an unknown zone', 'InvalidZoneId.NotFound', v3({ ...region, ZoneId: 'cn-shanghai-e' })],
  ['injected throttling', 'Throttling.User', v1(region, { headers: { 'x-acs-fault': 'throttling' } })],
  ['an injected 500', 'InternalError', v3(region, { signHeaders: { 'x-acs-fault': '5xx' } })],
  ['an injected 503', 'ServiceUnavailable', v3(region, { headers: { 'x-acs-fault': '503' } })],
];

async function read(r: RawResponse, xml: boolean): Promise<Record<string, unknown>> {
  expect(r.headers.get('content-type')).toContain(xml ? 'xml' : 'json');
  if (!xml) return r.json();
  expect(r.text.startsWith('<?xml version="1.0" encoding="UTF-8"?><Error>')).toBe(true);
  const parsed = new XMLParser({ parseTagValue: false }).parse(r.text) as { Error: Record<string, unknown> };
  return parsed.Error;
}

function expectedMessage(code: string, name: string | undefined): string {
  const template = ecsErrorMessages[code]!;
  // A replacer function: a name holding `$&` or `$'` must not be read as a replacement pattern.
  return name === undefined ? template : template.replace('{Name}', () => name);
}

describe.each([false, true])('errors (XML: %s)', (xml) => {
  it.each(CASES)('%s → %s', async (_what, code, send, name) => {
    const r = await send(xml);
    const body = await read(r, xml);
    expect(body.Code, r.text).toBe(code);
    expect(r.status).toBe(documentedErrors(conformanceFacts)[code]!.httpStatus);
    expect(validateErrorEnvelope(body)).toEqual([]);
    if (name !== undefined || !ecsErrorMessages[code]!.includes('{Name}'))
      expect(body.Message).toBe(expectedMessage(code, name));
    expect(body.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(r.headers.get('x-acs-request-id')).toBe(body.RequestId);
    expect(body.HostId).toBe(new URL(url).host);
    expect(r.headers.get('date')).toBeTruthy();
    expect(r.headers.get('content-length')).toBe(String(Buffer.byteLength(r.text)));
  });

  it('SignatureNonceUsed for a replayed nonce', async () => {
    const nonce = randomUUID();
    for (const send of [v1, v3]) {
      expect((await send(region, { nonce: `${nonce}-${send === v1}` })(xml)).status).toBe(200);
      const again = await send(region, { nonce: `${nonce}-${send === v1}` })(xml);
      expect((await read(again, xml)).Code).toBe('SignatureNonceUsed');
      expect(again.status).toBe(ecsService.errors.SignatureNonceUsed!.httpStatus);
    }
  });

  it('UnsupportedHTTPMethod for PUT and DELETE', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const r = await fetch(`${url}/?Action=DescribeInstanceStatus${xml ? '&Format=XML' : ''}`, { method });
      const text = await r.text();
      const body = await read(
        { status: r.status, headers: r.headers, text, json: () => JSON.parse(text) },
        xml,
      );
      expect(body.Code).toBe('UnsupportedHTTPMethod');
      expect(r.status).toBe(400);
    }
  });
});

describe('a parameter name that looks like a replacement pattern', () => {
  it.each(['InstanceId.$&', "InstanceId.$'", 'InstanceId.$`', 'InstanceId.$$', 'InstanceId.$1'])(
    '%s is named in the message exactly as sent',
    async (name) => {
      const r = await v1({ ...region, [name]: 'i-1' })(false);
      expect(r.json()).toMatchObject({
        Code: 'InvalidParameter',
        Message: `The specified parameter "${name}" is not valid.`,
      });
    },
  );
});

it('the MissingParameter message is the pinned one', async () => {
  const body = (await v1({})(false)).json();
  expect(body.Message).toBe(
    'The input parameter "RegionId" that is mandatory for processing this request is not supplied.',
  );
});
