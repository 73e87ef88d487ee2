// Tampering works on decoded values, so a check never sends an untouched request whatever the
// signature looks like, and re-signing makes only the one intended thing wrong.
import { describe, expect, it } from 'vitest';
import {
  changeValue,
  decodePairs,
  editParams,
  resignV1,
  resignV3,
  withAuthorizationPart,
} from '../../../templates/conformance/tamper.ts';
import { signRequest } from '../../../templates/runtime/sign-request.ts';
import { signV1 } from '../../../templates/runtime/sign-v1.ts';
import { signV3 } from '../../../templates/runtime/sign-v3.ts';

const keys = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
const signatureOf = (url: string) => new URL(url).searchParams.get('Signature');

const signed = (signatureVersion: 'v1' | 'v3', method: 'GET' | 'POST' = 'GET') =>
  signRequest(
    {
      method,
      endpoint: new URL('http://127.0.0.1:1'),
      path: '/',
      action: 'Act',
      version: '2020-01-01',
      params: [
        ['RegionId', 'r-1'],
        ['Text', 'a b/c*'],
      ],
      format: 'JSON',
    },
    keys,
    { signatureVersion, now: new Date('2026-01-02T03:04:05Z'), nonce: 'n-1' },
  );

describe('changeValue', () => {
  it('changes every one of 64 signatures, whatever base64 character they start with', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (const first of alphabet) {
      const url = `http://h/?Signature=${encodeURIComponent(`${first}xyz=`)}&SignatureNonce=n`;
      const r = editParams({ method: 'GET', url, headers: {} }, (p) => changeValue(p, 'Signature'));
      expect(signatureOf(r.url)).not.toBe(`${first}xyz=`);
      expect(signatureOf(r.url)).toHaveLength(5);
      expect(new URL(r.url).searchParams.get('SignatureNonce')).toBe('n');
    }
  });
});

describe('editParams', () => {
  it('edits the query of a GET and the body of a POST, keeping the other', async () => {
    const get = editParams(await signed('v3'), (p) => p.filter(([k]) => k !== 'Text'));
    expect(new URL(get.url).search).toBe('?RegionId=r-1');
    const post = editParams(await signed('v3', 'POST'), (p) => [...p, ['X', '1']]);
    expect(decodePairs(post.body!)).toEqual([
      ['RegionId', 'r-1'],
      ['Text', 'a b/c*'],
      ['X', '1'],
    ]);
  });

  it('reads + as a plus and %20 as a space, as RFC 3986 senders mean them', () => {
    expect(decodePairs('a=1+2&b=%20&c')).toEqual([
      ['a', '1+2'],
      ['b', ' '],
      ['c', ''],
    ]);
  });
});

describe('resignV1', () => {
  it('signs the edited parameters anew, so only the edit is wrong', async () => {
    const r = await resignV1(await signed('v1'), keys, (p) =>
      p.map(([k, v]) => [k, k === 'Timestamp' ? 'yesterday' : v]),
    );
    const pairs = decodePairs(new URL(r.url).search.slice(1));
    expect(pairs.find(([k]) => k === 'Timestamp')?.[1]).toBe('yesterday');
    const { signature } = await signV1({ method: 'GET', params: pairs, secret: keys.accessKeySecret });
    expect(pairs.at(-1)).toEqual(['Signature', signature]);
  });
});

describe('resignV3', () => {
  it('leaves an unsigned header out of SignedHeaders and signs the rest validly', async () => {
    const original = await signed('v3', 'POST');
    const r = await resignV3(original, keys, { unsigned: ['x-acs-date'] });
    const authorization = r.headers.authorization!;
    expect(authorization).toContain(
      'SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-signature-nonce;x-acs-version,',
    );
    expect(r.headers['x-acs-date']).toBe('2026-01-02T03:04:05Z');
    const { authorization: expected } = await signV3({
      method: 'POST',
      path: '/',
      query: [],
      headers: Object.fromEntries(
        Object.entries({ ...r.headers, host: '127.0.0.1:1' }).filter(
          ([k]) => k !== 'authorization' && k !== 'accept' && k !== 'x-acs-date',
        ),
      ),
      hashedPayload: r.headers['x-acs-content-sha256']!,
      ...{ accessKeyId: keys.accessKeyId, secret: keys.accessKeySecret },
    });
    expect(authorization).toBe(expected);
  });

  it('removes a header and signs for a header that is not sent', async () => {
    const r = await resignV3(await signed('v3'), keys, {
      headers: (h) => ({ ...h, 'x-acs-signature-nonce': undefined }),
      signedOnly: { 'x-acs-absent': 'x' },
    });
    expect(r.headers['x-acs-signature-nonce']).toBeUndefined();
    expect(r.headers['x-acs-absent']).toBeUndefined();
    expect(r.headers.authorization).toMatch(/SignedHeaders=host;x-acs-absent;x-acs-action;/);
  });

  it('withAuthorizationPart replaces one part and nothing else', async () => {
    const r = withAuthorizationPart(await signed('v3'), 'Signature', (s) => s.toUpperCase());
    const before = (await signed('v3')).headers.authorization!;
    expect(r.headers.authorization).toBe(
      before.replace(/Signature=(\w+)$/, (_m, s: string) => `Signature=${s.toUpperCase()}`),
    );
  });
});
