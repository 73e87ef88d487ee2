// The signed request's target without URL parsing when the path is plain, against the URL way the
// signer always took (new URL(origin), then the path assigned): the same href, host and path for
// any endpoint and path, and the signature handed back with the request is the one inside it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signatureOf, signWithSignature, target } from '../../../templates/runtime/sign-request.ts';

function byUrl(endpoint: URL, path: string) {
  const url = new URL(endpoint.origin);
  url.pathname = path;
  return { href: url.toString(), host: url.host, path: url.pathname };
}

const endpoint = fc.constantFrom(
  'http://127.0.0.1:8080',
  'https://svc.cn-hangzhou.example.com/ignored/path?x=1',
  'https://SVC.example.com:443',
  'http://[::1]:9000',
  'https://bücher.example',
);
const path = fc.oneof(
  fc.constantFrom('/', '/v1/x', '//a', '/a/../b', '/%2e', '/a b', '/é', '/a\\b', '/~_-'),
  fc
    .string({ unit: fc.constantFrom('/', 'a', 'Z', '9', '-', '_', '~', '.', '%', ' ', '\\', '?', '#') })
    .map((p) => `/${p}`),
);

describe('target', () => {
  it('gives what URL normalization gives, for any endpoint and path', () => {
    fc.assert(
      fc.property(endpoint, path, (e, p) => {
        const url = new URL(e);
        expect(target({ endpoint: url, path: p })).toEqual(byUrl(url, p));
      }),
      { numRuns: 3000, seed: 15 },
    );
  });
});

describe('signWithSignature', () => {
  it.each(['v3', 'v1'] as const)('hands back the %s signature the request carries', async (version) => {
    for (const method of ['GET', 'POST'] as const) {
      const { signed, signature } = await signWithSignature(
        {
          method,
          endpoint: new URL('http://127.0.0.1:8080'),
          path: '/',
          action: 'A',
          version: '2014-05-26',
          params: [['B', "x y+/*'中"]],
          format: 'JSON',
        },
        { accessKeyId: 'id', accessKeySecret: 'secret' },
        { signatureVersion: version, now: new Date(0), nonce: 'n' },
      );
      expect(signature).toBe(signatureOf(signed));
    }
  });
});
