// The server's node:crypto signatures equal the runtime's Web Crypto ones (the client's) on many
// random requests, and reproduce every published vector (test/fixtures/shared/vectors).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, signatureV1, signatureV3 } from '../../../server/auth/sign.ts';
import { nodeSigningCrypto } from '../../../templates/runtime/crypto-node.ts';
import { signV1 } from '../../../templates/runtime/sign-v1.ts';
import { signV3 } from '../../../templates/runtime/sign-v3.ts';

interface V1Vector {
  name: string;
  method: string;
  secret: string;
  params: Record<string, string>;
  signature: string;
}
interface V3Vector {
  name: string;
  method: string;
  path: string;
  secret: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  xAcsContentSha256: string;
  authorization: string;
}

const vectors = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'fixtures', 'shared', 'vectors', 'signature-vectors.json'),
    'utf8',
  ),
) as { v1_hmac_sha1: V1Vector[]; v3_acs3_hmac_sha256: V3Vector[] };

describe('published vectors', () => {
  it.each(vectors.v1_hmac_sha1.map((v) => [v.name, v] as const))('V1: %s', (_name, v) => {
    expect(signatureV1(v.method, Object.entries(v.params), v.secret)).toBe(v.signature);
  });

  it.each(vectors.v3_acs3_hmac_sha256.map((v) => [v.name, v] as const))('V3: %s', (_name, v) => {
    const signature = signatureV3(
      {
        method: v.method,
        path: v.path,
        query: Object.entries(v.query),
        headers: { ...v.headers, 'x-acs-content-sha256': v.xAcsContentSha256 },
        hashedPayload: v.xAcsContentSha256,
      },
      v.secret,
    );
    expect(v.authorization.endsWith(`Signature=${signature}`)).toBe(true);
  });

  it('hashes an empty body as the published empty-payload hash', () => {
    expect(sha256Hex(new Uint8Array())).toBe(vectors.v3_acs3_hmac_sha256[0]!.xAcsContentSha256);
  });
});

// Text of every kind a client may sign: reserved characters, spaces, non-ASCII and astral characters
// (no lone surrogates: the runtime refuses those before signing).
const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const pairs = fc.array(fc.tuple(text, text), { maxLength: 6 });
const secret = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
const headerName = fc.stringMatching(/^x-acs-[a-z0-9-]{1,12}$/);
const headerValue = fc.string({ unit: 'grapheme-ascii', maxLength: 30 });
const SEED = { seed: 15_005, numRuns: 300 };
// One crypto across every run, as the server keeps one: 300 secrets churn its bounded key cache.
const kept = nodeSigningCrypto();

describe('the server signs as the runtime does', () => {
  it('V3: the same signature for random requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT'),
        fc.string({ maxLength: 20 }).map((p) => `/${p}`),
        pairs,
        fc.dictionary(headerName, headerValue, { maxKeys: 5 }),
        fc.string({ maxLength: 50 }),
        secret,
        async (method, path, query, headers, body, key) => {
          const request = { method, path, query, headers, hashedPayload: sha256Hex(body) };
          const runtime = await signV3({ ...request, accessKeyId: 'id', secret: key });
          expect(signatureV3(request, key)).toBe(runtime.signature);
          expect(signatureV3(request, key, kept)).toBe(runtime.signature);
        },
      ),
      SEED,
    );
  });

  it('V1: the same signature for random requests, Signature itself never signed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST'), pairs, secret, async (method, params, key) => {
        const runtime = await signV1({ method, params, secret: key });
        expect(signatureV1(method, params, key)).toBe(runtime.signature);
        expect(signatureV1(method, [...params, ['Signature', 'x']], key)).toBe(runtime.signature);
        expect(signatureV1(method, params, key, kept)).toBe(runtime.signature);
      }),
      SEED,
    );
  });
});
