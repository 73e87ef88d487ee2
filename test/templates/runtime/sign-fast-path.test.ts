// Differential tests of signing's fast paths against the general ones, on fixed-seed random input:
// the insertion sort of a request's few pairs against Array#sort, the canonical headers against a
// plain sort of every header, a request signed synchronously (node:crypto, no await per digest)
// against the same request signed through Web Crypto's promises, and the client's timestamps (the
// last second's text kept) against timestamp() itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEB_CRYPTO, webSigningCrypto } from '../../../templates/runtime/crypto.ts';
import { nodeSigningCrypto } from '../../../templates/runtime/crypto-node.ts';
import { byName, sortPairs } from '../../../templates/runtime/encode.ts';
import {
  type Credentials,
  signWithSignature,
  timestamp,
  timestamps,
} from '../../../templates/runtime/sign-request.ts';
import { canonicalRequestV3 } from '../../../templates/runtime/sign-v3.ts';

const SEED = { seed: 15_015, numRuns: 300 };

// Few distinct names, so that names repeat and stability shows; past 16 pairs Array#sort takes over.
const name = fc.constantFrom('a', 'B', 'b', 'x-acs-a', 'X-Acs-A', 'host', 'Host', '%2F', '.', '中');
const pair = fc.tuple(name, fc.string({ maxLength: 3 }));

describe('sortPairs ≡ Array#sort', () => {
  it('by name: the same order, stable, on lists of 0 to 40 pairs', () => {
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 40 }), (pairs) => {
        expect(sortPairs([...pairs], byName)).toEqual([...pairs].sort(byName));
      }),
      SEED,
    );
  });
});

/** The canonical headers as the signature's definition says, with no shortcut: every header,
 * lower-cased and trimmed, sorted stably by name. */
function plainCanonicalHeaders(headers: Record<string, string>): { text: string; signed: string } {
  const list = Object.entries(headers)
    .map(([k, v]): [string, string] => [k.toLowerCase(), v.trim()])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { text: list.map(([k, v]) => `${k}:${v}\n`).join(''), signed: list.map(([k]) => k).join(';') };
}

describe('canonical headers ≡ a plain sort', () => {
  it('names in any case (a name twice once lower-cased), values with spaces to trim', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          name,
          fc.string({ maxLength: 6 }).map((v) => ` ${v} `),
          { maxKeys: 10 },
        ),
        (headers) => {
          const { canonicalRequest, signedHeaders } = canonicalRequestV3({
            method: 'GET',
            path: '/',
            query: [],
            headers,
            hashedPayload: 'h',
          });
          const plain = plainCanonicalHeaders(headers);
          expect(signedHeaders).toBe(plain.signed);
          expect(canonicalRequest).toBe(`GET\n/\n\n${plain.text}\n${plain.signed}\nh`);
        },
      ),
      SEED,
    );
  });
});

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('', ' ', '*', '~', '+', '/', '!', "'", '(', ')', '中文', '&=?#%', '😀'),
);
const params = fc.array(fc.tuple(fc.oneof(fc.constantFrom('Signature', 'RegionId'), text), text), {
  maxLength: 24,
});
const headerParams = fc.array(fc.tuple(fc.stringMatching(/^x-acs-[a-z]{1,6}$/), text), { maxLength: 3 });
const credentials: fc.Arbitrary<Credentials> = fc.record(
  {
    accessKeyId: fc.stringMatching(/^[A-Za-z0-9]{1,16}$/),
    accessKeySecret: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
    securityToken: fc.constantFrom('', 'token'),
  },
  { requiredKeys: ['accessKeyId', 'accessKeySecret'] },
);

describe('a request signed synchronously ≡ signed through promises', () => {
  it('V1 and V3, GET and POST: the same request and signature from node:crypto and Web Crypto', async () => {
    const node = nodeSigningCrypto();
    const web = webSigningCrypto();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('v1', 'v3'),
        fc.constantFrom('GET', 'POST'),
        params,
        headerParams,
        credentials,
        async (signatureVersion, method, p, headers, creds) => {
          const req = {
            method,
            endpoint: new URL('https://api.example.test'),
            path: '/',
            action: 'Act',
            version: '2020-01-01',
            params: p,
            headers,
            format: 'JSON',
          } as const;
          const opts = { signatureVersion, now: new Date(Date.UTC(2026, 11, 6, 11)), nonce: 'n' } as const;
          const sync = await signWithSignature(req, creds, { ...opts, crypto: node });
          expect(await signWithSignature(req, creds, { ...opts, crypto: web })).toEqual(sync);
          expect(await signWithSignature(req, creds, { ...opts, crypto: WEB_CRYPTO })).toEqual(sync);
        },
      ),
      { ...SEED, numRuns: 200 },
    );
  });

  it('a parameter that cannot be encoded still rejects, whichever crypto', async () => {
    const req = {
      method: 'GET',
      endpoint: new URL('https://api.example.test'),
      path: '/',
      action: 'Act',
      version: '2020-01-01',
      params: [['Name', '\uD800']],
      format: 'JSON',
    } as const;
    const creds = { accessKeyId: 'id', accessKeySecret: 'secret' };
    for (const crypto of [nodeSigningCrypto(), WEB_CRYPTO])
      for (const signatureVersion of ['v1', 'v3'] as const) {
        const signing = signWithSignature(req, creds, {
          signatureVersion,
          now: new Date(),
          nonce: 'n',
          crypto,
        });
        await expect(signing).rejects.toMatchObject({ code: 'Client.InvalidParameter' });
      }
  });
});

describe('timestamps() ≡ timestamp()', () => {
  // Instants close together (the same second, the next, one back after a clock correction), far
  // apart, before 1970 and past 9999, and invalid dates, in any order.
  const instant = fc.oneof(
    fc.integer({ min: 1_796_000_000_000, max: 1_796_000_003_000 }),
    fc.integer({ min: -62_000_000_000_000, max: 300_000_000_000_000 }),
    fc.constantFrom(-1, 0, 999, 1000, -1000, -1001, Number.NaN),
  );

  it('the same text, or the same error, for every date of a run', () => {
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 30 }), (times) => {
        const kept = timestamps();
        for (const ms of times) {
          const date = new Date(ms);
          let want: string | Error;
          try {
            want = timestamp(date);
          } catch (error) {
            want = error as Error;
          }
          if (typeof want === 'string') expect(kept(date)).toBe(want);
          else expect(() => kept(date)).toThrow(want.message);
        }
      }),
      SEED,
    );
  });

  it('signs the same request with either', async () => {
    const req = {
      method: 'GET',
      endpoint: new URL('https://api.example.test'),
      path: '/',
      action: 'Act',
      version: '2020-01-01',
      params: [['Name', 'v']],
      format: 'JSON',
    } as const;
    const creds = { accessKeyId: 'id', accessKeySecret: 'secret' };
    const kept = timestamps();
    for (const signatureVersion of ['v1', 'v3'] as const)
      for (const ms of [1_796_000_000_000, 1_796_000_000_500, 1_796_000_001_000]) {
        const opts = { signatureVersion, now: new Date(ms), nonce: 'n', crypto: nodeSigningCrypto() };
        expect(await signWithSignature(req, creds, { ...opts, timestamp: kept })).toEqual(
          await signWithSignature(req, creds, opts),
        );
      }
  });
});
