// Golden wire tests: with a fixed clock and nonce, each signature version and method produces exactly
// these requests. Each pinned signature is tied to a canonical string written out by hand below, and
// recomputed from it with node:crypto, so a reader can check the canonical form character by character.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Credentials, UnsignedRequest } from '../../../templates/runtime/sign-request.ts';
import { signRequest, timestamp } from '../../../templates/runtime/sign-request.ts';

const params: [string, string][] = [
  ['RegionId', 'cn-hangzhou'],
  ['ZoneId', "a b*~+/!'()中文"],
  ...Array.from({ length: 12 }, (_, i): [string, string] => [`InstanceId.${i + 1}`, `i-${i + 1}`]),
];
const sts: Credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret', securityToken: 'STS.tok' };
const plain: Credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
const request = (method: 'GET' | 'POST', format: 'JSON' | 'XML', endpoint = 'http://127.0.0.1:8080') =>
  ({
    method,
    endpoint: new URL(endpoint),
    path: '/',
    action: 'DescribeInstanceStatus',
    version: '2014-05-26',
    params,
    format,
  }) satisfies UnsignedRequest;
const options = (signatureVersion: 'v1' | 'v3') => ({
  signatureVersion,
  now: new Date('2026-11-22T10:00:00.123Z'),
  nonce: 'nonce-1',
});

// Space %20, * %2A, ~ literal, + %2B, / %2F, ! %21, ' %27, ( %28, ) %29, 中 E4 B8 AD, 文 E6 96 87.
const zone = 'ZoneId=a%20b%2A~%2B%2F%21%27%28%29%E4%B8%AD%E6%96%87';
const ids = (order: number[]) => order.map((n) => `InstanceId.${n}=i-${n}`).join('&');
/** API parameters as sent: in the caller's order. */
const apiWire = `RegionId=cn-hangzhou&${zone}&${ids([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])}`;
/** The same, sorted by byte order of the key: InstanceId.10, .11, .12 come before InstanceId.2. */
const apiSorted = `${ids([1, 10, 11, 12, 2, 3, 4, 5, 6, 7, 8, 9])}&RegionId=cn-hangzhou&${zone}`;

// The canonical strings below are ASCII already, so only % & = need encoding in the string to sign.
const v1Signature = (method: string, canonical: string) =>
  createHmac('sha1', 'testsecret&')
    .update(`${method}&%2F&${canonical.replaceAll('%', '%25').replaceAll('&', '%26').replaceAll('=', '%3D')}`)
    .digest('base64');
const v3Signature = (canonicalRequest: string) =>
  createHmac('sha256', 'testsecret')
    .update(`ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`)
    .digest('hex');
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('signRequest, V1 (HMAC-SHA1)', () => {
  it('GET with an STS token: everything in the query, common parameters first, Signature last', async () => {
    const r = await signRequest(request('GET', 'JSON'), sts, options('v1'));
    expect(r).toEqual({
      method: 'GET',
      url:
        'http://127.0.0.1:8080/?Action=DescribeInstanceStatus&Version=2014-05-26&Format=JSON&AccessKeyId=testid' +
        '&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=nonce-1&Timestamp=2026-11-22T10%3A00%3A00Z' +
        `&SecurityToken=STS.tok&${apiWire}&Signature=0DlrL5Dv7O4oTFdmpMbT6Yvwdpg%3D`,
      headers: { accept: 'application/json' },
    });
    const canonical =
      `AccessKeyId=testid&Action=DescribeInstanceStatus&Format=JSON&${ids([1, 10, 11, 12, 2, 3, 4, 5, 6, 7, 8, 9])}` +
      '&RegionId=cn-hangzhou&SecurityToken=STS.tok&SignatureMethod=HMAC-SHA1&SignatureNonce=nonce-1' +
      `&SignatureVersion=1.0&Timestamp=2026-11-22T10%3A00%3A00Z&Version=2014-05-26&${zone}`;
    expect(v1Signature('GET', canonical)).toBe('0DlrL5Dv7O4oTFdmpMbT6Yvwdpg=');
  });

  it('POST without a token, XML: everything in a form body, accept application/xml', async () => {
    const r = await signRequest(request('POST', 'XML'), plain, options('v1'));
    expect(r).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:8080/',
      headers: { accept: 'application/xml', 'content-type': 'application/x-www-form-urlencoded' },
      body:
        'Action=DescribeInstanceStatus&Version=2014-05-26&Format=XML&AccessKeyId=testid&SignatureMethod=HMAC-SHA1' +
        '&SignatureVersion=1.0&SignatureNonce=nonce-1&Timestamp=2026-11-22T10%3A00%3A00Z' +
        `&${apiWire}&Signature=zg%2FJfvcl8RrXf8gc8s3i7omNZJM%3D`,
    });
    const canonical =
      `AccessKeyId=testid&Action=DescribeInstanceStatus&Format=XML&${ids([1, 10, 11, 12, 2, 3, 4, 5, 6, 7, 8, 9])}` +
      '&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=nonce-1&SignatureVersion=1.0' +
      `&Timestamp=2026-11-22T10%3A00%3A00Z&Version=2014-05-26&${zone}`;
    expect(v1Signature('POST', canonical)).toBe('zg/Jfvcl8RrXf8gc8s3i7omNZJM=');
  });
});

describe('signRequest, V3 (ACS3-HMAC-SHA256)', () => {
  it('GET with an STS token: API parameters in the query; host and every x-acs-* header signed', async () => {
    const r = await signRequest(request('GET', 'JSON'), sts, options('v3'));
    const signature = '0d0c1e9f4619920fb8f92af51b7dabaefc917e028010d91b2742570a5f7f8fab';
    expect(r).toEqual({
      method: 'GET',
      url: `http://127.0.0.1:8080/?${apiWire}`,
      headers: {
        'x-acs-action': 'DescribeInstanceStatus',
        'x-acs-version': '2014-05-26',
        'x-acs-date': '2026-11-22T10:00:00Z',
        'x-acs-signature-nonce': 'nonce-1',
        'x-acs-content-sha256': EMPTY_SHA256,
        'x-acs-security-token': 'STS.tok',
        authorization:
          'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;' +
          `x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=${signature}`,
        accept: 'application/json',
      },
    });
    const canonicalRequest = [
      'GET',
      '/',
      apiSorted,
      'host:127.0.0.1:8080\nx-acs-action:DescribeInstanceStatus\n' +
        `x-acs-content-sha256:${EMPTY_SHA256}\nx-acs-date:2026-11-22T10:00:00Z\n` +
        'x-acs-security-token:STS.tok\nx-acs-signature-nonce:nonce-1\nx-acs-version:2014-05-26\n',
      'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version',
      EMPTY_SHA256,
    ].join('\n');
    expect(v3Signature(canonicalRequest)).toBe(signature);
  });

  it('POST without a token, XML: a form body whose hash and content type are signed', async () => {
    const r = await signRequest(request('POST', 'XML'), plain, options('v3'));
    const bodyHash = '7238506727f47c5cb3135959c16c851c3be59d1867ca91c3bdf8371fec8737f9';
    const signature = '84f51bc3b54f9857187833247363f63e570122a9a1329fd80b351514c8d15747';
    expect(r).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:8080/',
      headers: {
        'x-acs-action': 'DescribeInstanceStatus',
        'x-acs-version': '2014-05-26',
        'x-acs-date': '2026-11-22T10:00:00Z',
        'x-acs-signature-nonce': 'nonce-1',
        'x-acs-content-sha256': bodyHash,
        'content-type': 'application/x-www-form-urlencoded',
        authorization:
          'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;' +
          `x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=${signature}`,
        accept: 'application/xml',
      },
      body: apiWire,
    });
    expect(createHash('sha256').update(apiWire).digest('hex')).toBe(bodyHash);
    const canonicalRequest = [
      'POST',
      '/',
      '',
      'content-type:application/x-www-form-urlencoded\nhost:127.0.0.1:8080\nx-acs-action:DescribeInstanceStatus\n' +
        `x-acs-content-sha256:${bodyHash}\nx-acs-date:2026-11-22T10:00:00Z\n` +
        'x-acs-signature-nonce:nonce-1\nx-acs-version:2014-05-26\n',
      'content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
      bodyHash,
    ].join('\n');
    expect(v3Signature(canonicalRequest)).toBe(signature);
  });

  it.each([
    ['a non-default port', 'http://127.0.0.1:8080', '127.0.0.1:8080'],
    [
      'a default port, a path and a query (all dropped)',
      'https://ecs.aliyuncs.com:443/ignored?x=1#y',
      'ecs.aliyuncs.com',
    ],
  ])(
    'signs as host exactly what fetch will send for %s: new URL(url).host',
    async (_name, endpoint, host) => {
      const r = await signRequest(request('GET', 'JSON', endpoint), plain, options('v3'));
      expect(new URL(r.url).host).toBe(host);
      expect(new URL(r.url).pathname).toBe('/');
      expect(Object.keys(r.headers)).not.toContain('host');
      const canonicalRequest = [
        'GET',
        '/',
        apiSorted,
        `host:${host}\nx-acs-action:DescribeInstanceStatus\nx-acs-content-sha256:${EMPTY_SHA256}\n` +
          'x-acs-date:2026-11-22T10:00:00Z\nx-acs-signature-nonce:nonce-1\nx-acs-version:2014-05-26\n',
        'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
        EMPTY_SHA256,
      ].join('\n');
      expect(r.headers.authorization).toMatch(new RegExp(`,Signature=${v3Signature(canonicalRequest)}$`));
    },
  );
});

describe('timestamp', () => {
  it.each([
    ['2016-02-23T12:46:24.999Z', '2016-02-23T12:46:24Z'],
    ['2016-02-23T12:46:24Z', '2016-02-23T12:46:24Z'],
    ['2026-01-01T00:00:00+08:00', '2025-12-31T16:00:00Z'],
  ])('renders %s as ISO 8601 UTC without milliseconds', (given, want) => {
    expect(timestamp(new Date(given))).toBe(want);
  });
});

describe('header parameters', () => {
  const headers: [string, string][] = [
    ['x-acs-caller-tag', 'blue'],
    ['client-channel', 'web'],
  ];
  const withHeaders = (method: 'GET' | 'POST') => ({ ...request(method, 'JSON'), headers });

  it.each(['GET', 'POST'] as const)('V3 %s: sends each header and signs it', async (method) => {
    const signed = await signRequest(withHeaders(method), plain, options('v3'));
    expect(signed.headers).toMatchObject({ 'x-acs-caller-tag': 'blue', 'client-channel': 'web' });
    const list = /SignedHeaders=([^,]+)/.exec(signed.headers.authorization ?? '')?.[1]?.split(';');
    expect(list).toEqual(expect.arrayContaining(['x-acs-caller-tag', 'client-channel', 'host']));
    const without = await signRequest(request(method, 'JSON'), plain, options('v3'));
    expect(signed.headers.authorization).not.toBe(without.headers.authorization);
  });

  it('V1: sends each header, unsigned (the V1 signature covers parameters only)', async () => {
    const signed = await signRequest(withHeaders('GET'), plain, options('v1'));
    const without = await signRequest(request('GET', 'JSON'), plain, options('v1'));
    expect(signed.headers).toMatchObject({ 'x-acs-caller-tag': 'blue', 'client-channel': 'web' });
    expect(signed.url).toBe(without.url);
  });

  it('never lets a header parameter replace one the protocol sets', async () => {
    const forged = { ...request('POST', 'JSON'), headers: [['x-acs-action', 'Other'] as [string, string]] };
    const signed = await signRequest(forged, plain, options('v3'));
    expect(signed.headers['x-acs-action']).toBe('DescribeInstanceStatus');
  });
});
