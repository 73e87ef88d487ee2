// What one request may be (server/README.md, "Limits"): every limit is checked before the request is
// verified, answered with a documented error envelope, and nothing a client sends grows the server's
// memory beyond a bound.
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../server/http/limits.ts';
import { startEcsServer } from '../support/ecs-server.ts';
import { rawV1 } from '../support/raw-client.ts';

const server = await startEcsServer();
afterAll(() => server.close());
const region = { RegionId: 'cn-hangzhou' };
const invalid = (name: string) => ({
  Code: 'InvalidParameter',
  Message: `The specified parameter "${name}" is not valid.`,
});

describe('the length of one value', () => {
  const limit = DEFAULT_LIMITS.valueBytes;

  it(`refuses a SignatureNonce over ${limit} bytes before it is verified or remembered (issue 13: 900 KB nonces)`, async () => {
    for (const secret of ['testsecret', 'wrong']) {
      const r = await rawV1(server.url, region, { method: 'POST', secret, nonce: 'n'.repeat(limit + 1) });
      expect(r.status).toBe(400);
      expect(r.json()).toMatchObject(invalid('SignatureNonce'));
    }
  });

  it('counts UTF-8 bytes, names a parameter as sent, and takes a value of exactly the limit', async () => {
    const wide = await rawV1(server.url, { ...region, Pad: '中'.repeat(limit / 3 + 1) }, { method: 'POST' });
    expect(wide.json()).toMatchObject(invalid('Pad'));
    const ok = await rawV1(server.url, { ...region, Pad: 'x'.repeat(limit) }, { method: 'POST' });
    expect(ok.status, ok.text.slice(0, 200)).toBe(200);
  });

  it('is a start option', async () => {
    const small = await startEcsServer({ limits: { valueBytes: 100 } });
    try {
      const r = await rawV1(small.url, { ...region, Pad: 'x'.repeat(101) });
      expect(r.json()).toMatchObject(invalid('Pad'));
    } finally {
      await small.close();
    }
  });
});

describe('the number of parameters', () => {
  const limit = DEFAULT_LIMITS.parameters;
  /** Unknown parameters appended after signing: a wrong signature, unless the count is refused first. */
  const padding = (n: number) => (pairs: [string, string][]) => [
    ...pairs,
    ...Array.from({ length: n }, (): [string, string] => ['a', '']),
  ];

  it('refuses a 1 MiB form of 300,000 parameters before decoding or verifying it (issue 13: 1 s of CPU each)', async () => {
    const r = await rawV1(server.url, region, { method: 'POST', tamper: padding(300_000) });
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject(invalid('Parameters'));
  });

  it(`counts the query's and the form's together, ${limit} at most by default`, async () => {
    const query = Array.from({ length: limit / 2 }, (_, i) => `q${i}=`).join('&');
    const form = Array.from({ length: limit / 2 + 1 }, (_, i) => `f${i}=`).join('&');
    const r = await fetch(`${server.url}/?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(await r.json()).toMatchObject(invalid('Parameters'));
  });

  it('takes exactly the limit, which is a start option', async () => {
    const small = await startEcsServer({ limits: { parameters: 20 } });
    try {
      // Nine common parameters (Signature included) and RegionId: ten more make twenty.
      const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`Pad${i}`, 'x']));
      const ok = await rawV1(small.url, { ...region, ...ten }, { method: 'POST' });
      expect(ok.status, ok.text).toBe(200);
      const over = await rawV1(small.url, { ...region, ...ten, Pad10: 'x' }, { method: 'POST' });
      expect(over.json()).toMatchObject(invalid('Parameters'));
    } finally {
      await small.close();
    }
  });
});
