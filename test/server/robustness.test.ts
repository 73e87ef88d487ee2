// Nothing a client sends gets a 5xx: random unsigned requests, random signed parameters (whose 200s
// must match the spec's response schema), oversized bodies and headers. The access log never holds
// secrets.
import { request } from 'node:http';
import { describeInstanceStatusAction } from '@acs-rpc/ecs';
import { validateErrorEnvelope } from '@acs-rpc/ecs/validators';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../server/http/limits.ts';
import { MAX_HEADER_BYTES } from '../../server/start.ts';
import { startEcsServer } from '../support/ecs-server.ts';
import { rawV1, rawV3 } from '../support/raw-client.ts';

const log: string[] = [];
const MAX_BODY_BYTES = DEFAULT_LIMITS.bodyBytes;
const server = await startEcsServer({ accessLog: (line) => log.push(line) });
afterAll(() => server.close());
const { port } = new URL(server.url);

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/** node:http, not fetch: it sends paths and headers fetch would refuse to build. */
function send(method: string, path: string, headers: Record<string, string>, body = ''): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    r.on('error', reject);
    r.end(body);
  });
}

function envelope(a: Answer): Record<string, unknown> {
  const xml = String(a.headers['content-type']).includes('xml');
  return xml
    ? (new XMLParser({ parseTagValue: false }).parse(a.text) as { Error: Record<string, unknown> }).Error
    : (JSON.parse(a.text) as Record<string, unknown>);
}

const urlChars = fc.constantFrom(
  ..."abcXYZ019-_.~!*'()%&=+;,/:?@$[]".split(''),
  '%2',
  '%zz',
  '%E4%B8%AD',
  '%00',
);
const urlText = fc.string({ unit: urlChars, maxLength: 40 });
const names = fc.constantFrom(
  'Action',
  'Version',
  'Format',
  'RegionId',
  'PageSize',
  'PageNumber',
  'InstanceId.1',
  'InstanceId.0',
  'Signature',
  'Timestamp',
  'AccessKeyId',
  '__proto__',
  'constructor',
);
/** The V3 headers a request needs to reach the signature check, with a random SignedHeaders list. */
const V3_HEADERS = () => ({
  'x-acs-action': 'DescribeInstanceStatus',
  'x-acs-version': '2014-05-26',
  'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  'x-acs-signature-nonce': String(Math.random()),
  'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
});
const signedHeaders = fc
  .subarray(['content-type', 'constructor', '__proto__', 'toString', 'Host', 'x'])
  .map((extra) => [...Object.keys(V3_HEADERS()), 'host', ...extra].join(';'));
const authorization = fc.oneof(
  fc.constant(''),
  fc.constantFrom('ACS3-garbage', 'ACS3-HMAC-SHA256 Credential=,SignedHeaders=,Signature='),
  fc
    .tuple(fc.constantFrom('testid', 'nobody', 'constructor'), signedHeaders, fc.constantFrom('a', '0'))
    .map(
      ([id, names, c]) =>
        `ACS3-HMAC-SHA256 Credential=${id},SignedHeaders=${names},Signature=${c.repeat(64)}`,
    ),
);
const pair = fc.tuple(fc.oneof(names, urlText), urlText).map(([k, v]) => `${k}=${v}`);

describe('random unsigned requests', () => {
  it('are answered with a 4xx and an error envelope, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        fc.array(pair, { maxLength: 8 }),
        fc.constantFrom('', 'application/x-www-form-urlencoded', 'application/json', 'text/xml'),
        authorization,
        fc.array(fc.tuple(fc.constantFrom('x-acs-action', 'x-acs-version', 'x-acs-date', 'accept'), urlText)),
        fc.boolean(),
        urlText,
        async (method, pairs, contentType, authorization, extra, complete, path) => {
          const query = pairs.join('&');
          const headers: Record<string, string> = {
            ...(complete ? V3_HEADERS() : {}),
            ...Object.fromEntries(extra),
          };
          if (contentType) headers['content-type'] = contentType;
          if (authorization) headers.authorization = authorization;
          const asBody = method === 'POST' && pairs.length % 2 === 1;
          const a = await send(method, `/${path}?${asBody ? '' : query}`, headers, asBody ? query : '');
          expect(a.status, a.text).toBeGreaterThanOrEqual(400);
          expect(a.status, a.text).toBeLessThan(500);
          expect(validateErrorEnvelope(envelope(a))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('that look like V3 (every header present, random SignedHeaders and path) reach the signature check safely', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST'),
        urlText,
        fc.array(pair, { maxLength: 4 }),
        signedHeaders,
        fc.constantFrom('testid', 'nobody', 'constructor'),
        async (method, path, pairs, names, id) => {
          const headers: Record<string, string> = {
            ...V3_HEADERS(),
            authorization: `ACS3-HMAC-SHA256 Credential=${id},SignedHeaders=${names},Signature=${'a'.repeat(64)}`,
          };
          if (names.includes('content-type')) headers['content-type'] = 'application/x-www-form-urlencoded';
          const a = await send(method, `/${path}?${pairs.join('&')}`, headers);
          expect(a.status, a.text).toBeGreaterThanOrEqual(400);
          expect(a.status, a.text).toBeLessThan(500);
          expect(validateErrorEnvelope(envelope(a))).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('random signed parameters', () => {
  const value = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 70 }),
    fc.integer({ min: -5, max: 200 }).map(String),
    fc.constantFrom(
      'cn-hangzhou',
      'cn-shanghai',
      'cn-hangzhou-h',
      'cls-hz-a',
      'i-hz0001',
      '1e1',
      ' 7',
      '0x10',
    ),
  );
  const params = fc.dictionary(
    fc.constantFrom(
      'RegionId',
      'ZoneId',
      'ClusterId',
      'PageSize',
      'PageNumber',
      'InstanceId.1',
      'InstanceId.2',
    ),
    value,
  );

  it('are answered with a 200 that matches the spec, or a 4xx envelope', async () => {
    const validateResponse = await describeInstanceStatusAction.loadResponseValidator();
    await fc.assert(
      fc.asyncProperty(params, fc.boolean(), fc.constantFrom('GET', 'POST'), async (p, v3, method) => {
        const r = await (v3 ? rawV3 : rawV1)(server.url, p, { method: method as 'GET' | 'POST' });
        const body = r.json();
        if (r.status === 200) expect(validateResponse(body)).toEqual([]);
        else {
          expect(r.status, r.text).toBeLessThan(500);
          expect(validateErrorEnvelope(body)).toEqual([]);
          expect([
            'MissingParameter',
            'InvalidParameter',
            'InvalidRegionId.NotFound',
            'InvalidZoneId.NotFound',
          ]).toContain(body.Code);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('size limits', () => {
  it(`answers a body over ${MAX_BODY_BYTES} bytes with InvalidParameter and closes the connection`, async () => {
    const a = await send(
      'POST',
      '/',
      { 'content-type': 'application/x-www-form-urlencoded' },
      `Pad=${'x'.repeat(MAX_BODY_BYTES)}`,
    );
    expect(a.status).toBe(400);
    expect(envelope(a)).toMatchObject({
      Code: 'InvalidParameter',
      Message: 'The specified parameter "Body" is not valid.',
    });
    expect(a.headers.connection).toBe('close');
  });

  it('accepts a signed body just under the limit (the padding is unknown parameters, ignored)', async () => {
    // Sixteen values, each under the limit of one value.
    const pad = 'x'.repeat((MAX_BODY_BYTES - 2_000) / 16 - 10);
    const pads = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`Pad${i}`, pad]));
    const r = await rawV1(server.url, { RegionId: 'cn-hangzhou', ...pads }, { method: 'POST' });
    expect(r.status, r.text.slice(0, 200)).toBe(200);
  });

  it(`answers headers over ${MAX_HEADER_BYTES} bytes with InvalidParameter, not Node's bare 431`, async () => {
    const a = await send('GET', `/?Pad=${'x'.repeat(MAX_HEADER_BYTES)}`, {});
    expect(a.status).toBe(400);
    expect(envelope(a)).toMatchObject({ Code: 'InvalidParameter' });
    expect(validateErrorEnvelope(envelope(a))).toEqual([]);
  });

  it('accepts a signed query of 40 KB', async () => {
    const r = await rawV3(server.url, { RegionId: 'cn-hangzhou', Pad: 'y'.repeat(40_000) });
    expect(r.status).toBe(200);
  });
});

describe('the access log', () => {
  it('has one line per request and never a signature, token or secret', async () => {
    log.length = 0;
    const sts = { accessKeyId: 'STS.testid', token: 'teststsToken' };
    await rawV1(server.url, { RegionId: 'cn-hangzhou' }, sts);
    await rawV3(server.url, { RegionId: 'cn-hangzhou' }, sts);
    await rawV3(server.url, { RegionId: 'cn-hangzhou' }, { ...sts, secret: 'nope' });
    await rawV1(server.url, { RegionId: 'cn-hangzhou', SecurityToken: 'teststsToken' }, { method: 'POST' });
    expect(log).toHaveLength(4);
    expect(log[0]).toMatch(/^GET DescribeInstanceStatus 200 \d+ms [0-9A-F-]{36}$/);
    for (const line of log) expect(line).not.toMatch(/teststsToken|testsecret|Signature=|ACS3|SecurityToken/);
  });
});
