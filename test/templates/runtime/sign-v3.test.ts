// ACS3-HMAC-SHA256 ("V3 request structure and signature"): the published vector reproduces, and the
// canonical query, headers and signed-header list are built as the doc says.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalQueryV3, canonicalRequestV3, signV3 } from '../../../templates/runtime/sign-v3.ts';

interface V3Vector {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly accessKeyId: string;
  readonly secret: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly xAcsContentSha256: string;
  readonly canonicalRequest: string;
  readonly hashedCanonicalRequest: string;
  readonly authorization: string;
}

const vectors = (
  JSON.parse(
    readFileSync(new URL('../../fixtures/shared/vectors/signature-vectors.json', import.meta.url), 'utf8'),
  ) as { v3_acs3_hmac_sha256: V3Vector[] }
).v3_acs3_hmac_sha256;

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('published ACS3-HMAC-SHA256 vectors', () => {
  it('are all here', () => expect(vectors).toHaveLength(1));

  it.each(vectors.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const result = await signV3({
      method: v.method,
      path: v.path,
      query: Object.entries(v.query),
      headers: { ...v.headers, 'x-acs-content-sha256': v.xAcsContentSha256 },
      hashedPayload: v.xAcsContentSha256,
      accessKeyId: v.accessKeyId,
      secret: v.secret,
    });
    expect(result.canonicalRequest).toBe(v.canonicalRequest);
    expect(result.hashedCanonicalRequest).toBe(v.hashedCanonicalRequest);
    expect(result.stringToSign).toBe(`ACS3-HMAC-SHA256\n${v.hashedCanonicalRequest}`);
    expect(result.authorization).toBe(v.authorization);
    expect(result.authorization).toBe(
      `ACS3-HMAC-SHA256 Credential=${v.accessKeyId},SignedHeaders=${result.signedHeaders},Signature=${result.signature}`,
    );
  });
});

describe('canonicalQueryV3', () => {
  it.each<[string, { given: Array<[string, string]>; want: string }]>([
    ['no parameters give an empty line', { given: [], want: '' }],
    ['an empty value renders k=', { given: [['Empty', '']], want: 'Empty=' }],
    [
      'sorted by encoded key in byte order',
      {
        given: [
          ['InstanceId.2', 'b'],
          ['InstanceId.10', 'a'],
          ['RegionId', 'r'],
        ],
        want: 'InstanceId.10=a&InstanceId.2=b&RegionId=r',
      },
    ],
    [
      'keys and values RFC 3986 encoded',
      { given: [['Name', "a b*~+/!'()中"]], want: 'Name=a%20b%2A~%2B%2F%21%27%28%29%E4%B8%AD' },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(canonicalQueryV3(given)).toBe(want);
  });
});

describe('canonicalRequestV3', () => {
  it('lower-cases and trims headers, sorts them, and lists them as the signed headers', () => {
    const { canonicalRequest, signedHeaders } = canonicalRequestV3({
      method: 'POST',
      path: '/',
      query: [],
      headers: {
        'X-Acs-Version': ' 2014-05-26 ',
        host: 'ecs.aliyuncs.com',
        'Content-Type': 'application/x-www-form-urlencoded',
        'x-acs-action': 'DescribeInstanceStatus',
      },
      hashedPayload: 'abc',
    });
    expect(signedHeaders).toBe('content-type;host;x-acs-action;x-acs-version');
    expect(canonicalRequest).toBe(
      [
        'POST',
        '/',
        '',
        'content-type:application/x-www-form-urlencoded\nhost:ecs.aliyuncs.com\nx-acs-action:DescribeInstanceStatus\nx-acs-version:2014-05-26\n',
        'content-type;host;x-acs-action;x-acs-version',
        'abc',
      ].join('\n'),
    );
  });
});

describe('signV3', () => {
  it('keys the HMAC-SHA256 with the bare secret (no "&" as in V1) and hex-encodes it', async () => {
    const r = await signV3({
      method: 'GET',
      path: '/',
      query: [],
      headers: { host: 'h', 'x-acs-content-sha256': EMPTY_SHA256 },
      hashedPayload: EMPTY_SHA256,
      accessKeyId: 'id',
      secret: 'secret',
    });
    expect(r.signature).toBe(createHmac('sha256', 'secret').update(r.stringToSign).digest('hex'));
    expect(r.signature).not.toBe(createHmac('sha256', 'secret&').update(r.stringToSign).digest('hex'));
  });
});

describe('canonicalRequestV3, header order', () => {
  const names = ['x-acs-date', 'host', 'accept', 'x-acs-action', 'content-type', 'b'];
  const sorted = [...names].sort().join(';');
  it.each([
    ['given order', names],
    ['reversed', [...names].reverse()],
    ['sorted', [...names].sort()],
    ['sorted descending', [...names].sort().reverse()],
  ])('signs the headers sorted whatever their order: %s', (_name, order) => {
    const headers = Object.fromEntries(order.map((n) => [n, 'v']));
    const { signedHeaders } = canonicalRequestV3({
      method: 'GET',
      path: '/',
      query: [],
      headers,
      hashedPayload: 'h',
    });
    expect(signedHeaders).toBe(sorted);
  });
});
