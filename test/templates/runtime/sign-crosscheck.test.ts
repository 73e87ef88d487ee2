// Differential test of the signer: an independent implementation written differently (node:crypto,
// encodeURIComponent with its own escapes, Buffer byte-order sort: test/support/reference-signer.ts)
// must agree on random parameter sets, for the signature functions and for whole signed requests.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Credentials, signRequest } from '../../../templates/runtime/sign-request.ts';
import { signV1 } from '../../../templates/runtime/sign-v1.ts';
import { signV3 } from '../../../templates/runtime/sign-v3.ts';
import { decodePairs, referenceV1, referenceV3 } from '../../support/reference-signer.ts';

function flatten(params: Record<string, string | string[]>): [string, string][] {
  return Object.entries(params).flatMap(([k, v]): [string, string][] =>
    Array.isArray(v) ? v.map((item, i): [string, string] => [`${k}.${i + 1}`, item]) : [[k, v]],
  );
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(' ', '*', '~', '+', '/', '!', "'", '(', ')', '中文', '&=?#%', 'a b*c~d', '😀', ''),
);
const key = fc.oneof(
  fc.stringMatching(/^[A-Z][A-Za-z]{0,8}$/),
  // Keys outside the identifier alphabet test that both sides sort by encoded bytes.
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }),
);
const params = fc.dictionary(key, fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 12 })), {
  maxKeys: 6,
});
// Web Crypto refuses a zero-length HMAC key; credentials never have an empty secret.
const secret = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
const credentials: fc.Arbitrary<Credentials> = fc.record(
  { accessKeyId: fc.stringMatching(/^[A-Za-z0-9]{1,16}$/), accessKeySecret: secret, securityToken: text },
  { requiredKeys: ['accessKeyId', 'accessKeySecret'] },
);
const runs = { numRuns: 200, seed: 42 };

describe('signature functions ≡ an independent implementation', () => {
  it('HMAC-SHA1 on 200 random parameter sets (repeat lists flattened first)', async () => {
    await fc.assert(
      fc.asyncProperty(params, fc.constantFrom('GET', 'POST'), secret, async (p, method, s) => {
        const pairs = flatten(p);
        const ours = await signV1({ method, params: pairs, secret: s });
        expect(ours.signature).toBe(referenceV1(method, pairs, s));
      }),
      runs,
    );
  });

  it('ACS3-HMAC-SHA256 on 200 random parameter sets', async () => {
    await fc.assert(
      fc.asyncProperty(params, secret, async (p, s) => {
        const pairs = flatten(p);
        const headers = {
          host: 'ecs.cn-hangzhou.aliyuncs.com',
          'x-acs-action': 'DescribeInstanceStatus',
          'x-acs-content-sha256': createHash('sha256').update('').digest('hex'),
          'x-acs-date': '2026-11-22T10:00:00Z',
          'x-acs-signature-nonce': 'n',
          'x-acs-version': '2014-05-26',
        };
        const ours = await signV3({
          method: 'GET',
          path: '/',
          query: pairs,
          headers,
          hashedPayload: headers['x-acs-content-sha256'],
          accessKeyId: 'id',
          secret: s,
        });
        expect(ours.signature).toBe(referenceV3('GET', pairs, headers, s));
      }),
      runs,
    );
  });
});

describe('signed requests ≡ an independent implementation, read back from the wire', () => {
  const signed = (method: 'GET' | 'POST', version: 'v1' | 'v3', pairs: [string, string][], c: Credentials) =>
    signRequest(
      {
        method,
        endpoint: new URL('https://ecs.cn-hangzhou.aliyuncs.com'),
        path: '/',
        action: 'DescribeInstanceStatus',
        version: '2014-05-26',
        params: pairs,
        format: 'JSON',
      },
      c,
      { signatureVersion: version, now: new Date('2026-11-22T10:00:00Z'), nonce: 'nonce-1' },
    );
  const method = fc.constantFrom<'GET' | 'POST'>('GET', 'POST');

  it('V1: the Signature sent is the reference signature of everything else sent (200 requests)', async () => {
    await fc.assert(
      fc.asyncProperty(params, method, credentials, async (p, m, c) => {
        const pairs = flatten(p);
        const r = await signed(m, 'v1', pairs, c);
        const sent = decodePairs(m === 'GET' ? new URL(r.url).search.slice(1) : r.body!);
        const rest = sent.slice(0, -1);
        expect(sent.at(-1)?.[0]).toBe('Signature');
        expect(sent.at(-1)?.[1]).toBe(referenceV1(m, rest, c.accessKeySecret));
        // The API parameters follow the common ones, as given.
        expect(rest.slice(rest.length - pairs.length)).toEqual(pairs);
      }),
      runs,
    );
  });

  it('V3: the Authorization sent is the reference signature of the query, body and headers sent (200 requests)', async () => {
    await fc.assert(
      fc.asyncProperty(params, method, credentials, async (p, m, c) => {
        const r = await signed(m, 'v3', flatten(p), c);
        const url = new URL(r.url);
        const auth =
          /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
            r.headers.authorization ?? '',
          );
        expect(auth?.[1]).toBe(c.accessKeyId);
        const names = auth![2]!.split(';');
        const headers = Object.fromEntries(names.map((n) => [n, n === 'host' ? url.host : r.headers[n]!]));
        const query = decodePairs(url.search.slice(1));
        expect(auth![3]).toBe(referenceV3(m, query, headers, c.accessKeySecret, r.body ?? ''));
        // Every x-acs-* header sent is signed, and what was sent is what was asked for.
        expect(Object.keys(r.headers).filter((h) => h.startsWith('x-acs-') && !names.includes(h))).toEqual(
          [],
        );
        expect(m === 'GET' ? query : decodePairs(r.body!)).toEqual(flatten(p));
      }),
      runs,
    );
  });
});
