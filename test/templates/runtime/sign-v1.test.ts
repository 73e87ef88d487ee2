// RPC signature 1.0 (HMAC-SHA1): every published vector reproduces, and the canonical form sorts and
// encodes as "Request syntax and signature method V2 for RPC APIs" says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalizeV1, signV1, stringToSignV1 } from '../../../templates/runtime/sign-v1.ts';

interface V1Vector {
  readonly name: string;
  readonly method: string;
  readonly secret: string;
  readonly params: Record<string, string>;
  readonly stringToSign?: string;
  readonly signature: string;
}

const vectors = (
  JSON.parse(
    readFileSync(new URL('../../fixtures/shared/vectors/signature-vectors.json', import.meta.url), 'utf8'),
  ) as { v1_hmac_sha1: V1Vector[] }
).v1_hmac_sha1;

describe('published HMAC-SHA1 vectors', () => {
  it('are all here, including the empty method and the TimeStamp spelling', () => {
    expect(vectors).toHaveLength(5);
    expect(vectors.some((v) => v.method === '')).toBe(true);
    expect(vectors.some((v) => 'TimeStamp' in v.params)).toBe(true);
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const params = Object.entries(v.params);
    const result = await signV1({ method: v.method, params, secret: v.secret });
    if (v.stringToSign !== undefined) {
      expect(result.stringToSign).toBe(v.stringToSign);
      expect(stringToSignV1(v.method, canonicalizeV1(params))).toBe(v.stringToSign);
    }
    expect(result.signature).toBe(v.signature);
  });

  it('the TimeStamp spelling signs differently from Timestamp (the name is part of the signature)', () => {
    const [timestamp, timeStamp] = vectors;
    expect(timestamp?.signature).not.toBe(timeStamp?.signature);
    expect(canonicalizeV1(Object.entries(timeStamp!.params))).toContain(
      '&TimeStamp=2016-02-23T12%3A46%3A24Z&',
    );
  });
});

describe('canonicalizeV1', () => {
  it('sorts flattened repeat lists by byte order: InstanceId.10..12 before InstanceId.2', () => {
    const params = Array.from({ length: 12 }, (_, i): [string, string] => [
      `InstanceId.${i + 1}`,
      `i-${i + 1}`,
    ]);
    expect(canonicalizeV1(params).split('&')).toEqual([
      'InstanceId.1=i-1',
      'InstanceId.10=i-10',
      'InstanceId.11=i-11',
      'InstanceId.12=i-12',
      'InstanceId.2=i-2',
      'InstanceId.3=i-3',
      'InstanceId.4=i-4',
      'InstanceId.5=i-5',
      'InstanceId.6=i-6',
      'InstanceId.7=i-7',
      'InstanceId.8=i-8',
      'InstanceId.9=i-9',
    ]);
  });

  it('sorts upper case before lower case (byte order, not locale order)', () => {
    expect(
      canonicalizeV1([
        ['a', '1'],
        ['B', '2'],
        ['A', '3'],
      ]),
    ).toBe('A=3&B=2&a=1');
  });

  it('sorts by the encoded key: `a/` (a%2F) before `a.`, though raw `.` < `/`', () => {
    expect(
      canonicalizeV1([
        ['a.', '1'],
        ['a/', '2'],
      ]),
    ).toBe('a%2F=2&a.=1');
  });

  it('encodes keys and values with RFC 3986; an empty value renders `k=`', () => {
    expect(
      canonicalizeV1([
        ['Name', "a b*~+/!'()中"],
        ['Empty', ''],
      ]),
    ).toBe('Empty=&Name=a%20b%2A~%2B%2F%21%27%28%29%E4%B8%AD');
  });
});

describe('stringToSignV1 and signV1', () => {
  it('joins the method, the encoded / and the encoded canonical string', () => {
    expect(stringToSignV1('POST', 'A=1&B=a%20b')).toBe('POST&%2F&A%3D1%26B%3Da%2520b');
  });

  it('leaves an existing Signature parameter out of what it signs', async () => {
    const without = await signV1({ method: 'GET', params: [['A', '1']], secret: 's' });
    const withIt = await signV1({
      method: 'GET',
      params: [
        ['A', '1'],
        ['Signature', 'old'],
      ],
      secret: 's',
    });
    expect(withIt).toEqual(without);
  });

  it('keys the HMAC with secret + "&"', async () => {
    // The darabonba vector's signature, recomputed: a wrong key suffix would change it.
    const r = await signV1({ method: '', params: [['test', 'ok']], secret: 'accessKeySecret' });
    expect(r).toEqual({
      canonical: 'test=ok',
      stringToSign: '&%2F&test%3Dok',
      signature: 'jHx/oHoHNrbVfhncHEvPdHXZwHU=',
    });
  });
});

describe('signV1, an existing Signature', () => {
  it('leaves a Signature parameter out of what it signs', async () => {
    const params: [string, string][] = [
      ['Action', 'DescribeThings'],
      ['Signature', 'stale'],
      ['Version', '2020-01-01'],
    ];
    const without = await signV1({
      method: 'GET',
      params: params.filter(([k]) => k !== 'Signature'),
      secret: 's',
    });
    const withIt = await signV1({ method: 'GET', params, secret: 's' });
    expect(withIt).toEqual(without);
    expect(withIt.canonical).toBe('Action=DescribeThings&Version=2020-01-01');
  });
});
