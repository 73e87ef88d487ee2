// Golden wire tests: with a fixed clock and nonce, each signature version and method produces exactly
// these requests, and an independent signer agrees with every signature in them.
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../templates/runtime/sign-request.ts';
import { decodePairs, referenceV1, referenceV3 } from '../support/reference-signer.ts';

const special = "a b*~+/!'()中";
const params: [string, string][] = [
  ['RegionId', 'cn-hangzhou'],
  ['ZoneId', special],
  ...Array.from({ length: 11 }, (_, i): [string, string] => [`InstanceId.${i + 1}`, `i-${i + 1}`]),
];
const creds = { accessKeyId: 'testid', accessKeySecret: 'testsecret', securityToken: 'STS.tok' };
const sign = (signatureVersion: 'v1' | 'v3', method: 'GET' | 'POST') =>
  signRequest(
    {
      method,
      endpoint: new URL('http://127.0.0.1:8080'),
      path: '/',
      action: 'DescribeInstanceStatus',
      version: '2014-05-26',
      params,
      format: 'JSON',
    },
    creds,
    { signatureVersion, now: new Date('2026-11-22T10:00:00.123Z'), nonce: 'nonce-1' },
  );

const apiQuery =
  'RegionId=cn-hangzhou&ZoneId=a%20b%2A~%2B%2F%21%27%28%29%E4%B8%AD&InstanceId.1=i-1&InstanceId.2=i-2&InstanceId.3=i-3&InstanceId.4=i-4&InstanceId.5=i-5&InstanceId.6=i-6&InstanceId.7=i-7&InstanceId.8=i-8&InstanceId.9=i-9&InstanceId.10=i-10&InstanceId.11=i-11';
const v1Common =
  'Action=DescribeInstanceStatus&Version=2014-05-26&Format=JSON&AccessKeyId=testid&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=nonce-1&Timestamp=2026-11-22T10%3A00%3A00Z&SecurityToken=STS.tok';

describe('signRequest, V1 (HMAC-SHA1)', () => {
  it('GET puts everything, the signature last, in the query', async () => {
    const r = await sign('v1', 'GET');
    expect(r).toEqual({
      method: 'GET',
      url: `http://127.0.0.1:8080/?${v1Common}&${apiQuery}&Signature=h3qYQQNsEJAHFjbUvb30qlSg%2BgA%3D`,
      headers: { accept: 'application/json' },
    });
    const pairs = decodePairs(r.url.split('?')[1]!);
    expect(pairs.find(([k]) => k === 'Signature')?.[1]).toBe(referenceV1('GET', pairs, 'testsecret'));
  });

  it('POST puts everything in a form body', async () => {
    const r = await sign('v1', 'POST');
    expect(r).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:8080/',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: `${v1Common}&${apiQuery}&Signature=%2Fy2aGC6DFhxAQN%2F0TpXfAgfQFhc%3D`,
    });
    const pairs = decodePairs(r.body!);
    expect(pairs.find(([k]) => k === 'Signature')?.[1]).toBe(referenceV1('POST', pairs, 'testsecret'));
  });
});

describe('signRequest, V3 (ACS3-HMAC-SHA256)', () => {
  const signedHeaders = (r: { headers: Readonly<Record<string, string>> }) => {
    const names = /SignedHeaders=([^,]+)/.exec(r.headers.authorization!)![1]!.split(';');
    return Object.fromEntries(names.map((n) => [n, n === 'host' ? '127.0.0.1:8080' : r.headers[n]!]));
  };

  it('GET sends the API parameters in the query and signs host and every x-acs-* header', async () => {
    const r = await sign('v3', 'GET');
    expect(r).toEqual({
      method: 'GET',
      url: `http://127.0.0.1:8080/?${apiQuery}`,
      headers: {
        'x-acs-action': 'DescribeInstanceStatus',
        'x-acs-version': '2014-05-26',
        'x-acs-date': '2026-11-22T10:00:00Z',
        'x-acs-signature-nonce': 'nonce-1',
        'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-acs-security-token': 'STS.tok',
        authorization:
          'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=386b46b282f1b12ff8ab86e36d211cfe0b1ef8278de4281ee1464e75973a75ee',
        accept: 'application/json',
      },
    });
    expect(r.headers.authorization).toContain(
      `Signature=${referenceV3('GET', decodePairs(apiQuery), signedHeaders(r), 'testsecret')}`,
    );
  });

  it('POST sends a form body and signs its content type and hash', async () => {
    const r = await sign('v3', 'POST');
    expect(r.url).toBe('http://127.0.0.1:8080/');
    expect(r.body).toBe(apiQuery);
    expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(r.headers['x-acs-content-sha256']).toBe(
      '73cd9979861491afad4ac6dcf643681a2bb1a9a2192b98932f4f0fcec930c8d4',
    );
    expect(r.headers.authorization).toBe(
      'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=d9fbe83e399d36c157c4c13bfd4f125e5ac8995a9543b292984687c46ba746dc',
    );
    expect(r.headers.authorization).toContain(
      `Signature=${referenceV3('POST', [], signedHeaders(r), 'testsecret', r.body)}`,
    );
  });
});
