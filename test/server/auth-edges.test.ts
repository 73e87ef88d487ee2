// Edges of authentication against a server with a fixed clock: the 15-minute window to the second,
// both ways and both signature versions; the Date header that lets clients learn their skew.
import { ecsService } from '@acs-rpc/ecs';
import { afterAll, describe, expect, it } from 'vitest';
import { startEcsServer } from '../support/ecs-server.ts';
import { rawV1, rawV3 } from '../support/raw-client.ts';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const server = await startEcsServer({ now: () => NOW });
afterAll(() => server.close());
const region = { RegionId: 'cn-hangzhou' };
const at = (offsetSeconds: number) =>
  new Date(NOW + offsetSeconds * 1000).toISOString().replace('.000Z', 'Z');
const window = ecsService.protocol?.timestampWindowSeconds ?? 900;

describe('the timestamp window', () => {
  it('is 900 seconds, as the spec pins it', () => {
    expect(window).toBe(900);
  });

  it.each([
    ['just inside, in the past', -window, 200],
    ['just outside, in the past', -window - 1, 400],
    ['just inside, in the future', window, 200],
    ['just outside, in the future', window + 1, 400],
    ['now', 0, 200],
  ])('%s', async (_name, offset, status) => {
    for (const send of [rawV1, rawV3]) {
      const r = await send(server.url, region, { timestamp: at(offset) });
      expect(r.status, r.text).toBe(status);
      if (status === 400) expect(r.json().Code).toBe('InvalidTimeStamp.Expired');
    }
  });

  it.each([
    '2026-06-01T12:00:00',
    '2026-06-01T12:00:00.000Z',
    '2026-06-01 12:00:00Z',
    '2026-06-01T25:00:00Z',
    '2026-13-01T12:00:00Z',
    'Mon, 01 Jun 2026 12:00:00 GMT',
    '',
  ])('refuses %j as malformed', async (timestamp) => {
    const r = await rawV3(server.url, region, { timestamp });
    // An empty x-acs-date is a missing one.
    expect(r.json().Code).toBe(timestamp === '' ? 'MissingParameter' : 'InvalidTimeStamp.Format');
  });
});

describe('the Date header', () => {
  it("comes with every answer, success or error, telling the server's clock, so a client can learn its skew", async () => {
    for (const r of [
      await rawV3(server.url, region, { timestamp: at(0) }),
      await rawV3(server.url, region, { timestamp: '2020-01-01T00:00:00Z' }),
      await rawV1(server.url, {}),
    ]) {
      expect(r.headers.get('date')).toBe('Mon, 01 Jun 2026 12:00:00 GMT');
    }
  });
});
