// The node:http options of a URL, parsed once per origin: what node:http itself would have made of
// the URL string (urlToHttpOptions(new URL(url))), whenever the fast reading applies at all.
import { urlToHttpOptions } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeTargets } from '../../../templates/runtime/node-target.ts';

const origin = fc.constantFrom(
  'http://127.0.0.1:8080',
  'https://svc.cn-hangzhou.example.com',
  'https://svc.example.com:443',
  'http://[::1]:9000',
  'http://EXAMPLE.com',
  'https://user:pw@example.com',
  'http://example.com:80',
);
const rest = fc.oneof(
  fc.constantFrom(
    '/',
    '/?A=1',
    '/?',
    '/a/./b',
    '/%2e%2e/x',
    '/v1.0/x?B=%20',
    '/x#frag',
    '/?A=1&B=%E4%B8%AD',
    '/a b',
  ),
  fc.string({
    unit: fc.constantFrom('/', 'a', 'Z', '0', '-', '_', '~', '.', '%', '?', '=', '&', ' ', '#', "'"),
  }),
);

describe('nodeTargets', () => {
  it('gives the path, host and port node:http would take from the URL string, or declines', () => {
    const targets = nodeTargets();
    fc.assert(
      fc.property(origin, rest, (o, r) => {
        const url = `${o}${r.startsWith('/') ? r : `/${r}`}`;
        const target = targets(url);
        if (target === undefined) return;
        const parsed = new URL(url);
        const node = urlToHttpOptions(parsed);
        expect(target).toEqual({
          secure: parsed.protocol === 'https:',
          protocol: node.protocol,
          hostname: node.hostname,
          port: node.port,
          host: parsed.host,
          path: node.path,
        });
      }),
      { numRuns: 2000, seed: 15 },
    );
  });

  it('reads the client’s own URLs the fast way and declines what URL parsing would change', () => {
    const targets = nodeTargets();
    expect(targets('http://127.0.0.1:8080/?Action=A&B=%E4%B8%AD')).toMatchObject({
      hostname: '127.0.0.1',
      port: 8080,
      host: '127.0.0.1:8080',
      path: '/?Action=A&B=%E4%B8%AD',
    });
    expect(targets('http://[::1]:9000/')).toMatchObject({ hostname: '::1', host: '[::1]:9000' });
    for (const url of [
      'http://EXAMPLE.com/',
      'https://a:b@example.com/',
      'https://x.com:443/',
      'http://x/a/../b',
    ])
      expect(targets(url)).toBeUndefined();
  });
});
