// Answers made from the spec alone: synthesised bodies pass the package's own response validators,
// are the same for the same request, and paginated lists agree across pages.
import { conformanceFacts as ecs } from '@acs-rpc/ecs/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/start.ts';
import { ECS_SEED } from '../../support/ecs-server.ts';
import { fixturePackage } from '../../support/fixture-service.ts';
import { rawV1 } from '../../support/raw-client.ts';

const kiosk = await fixturePackage('test/fixtures/specs/kiosk.yaml');
const server = await startServer({ services: [ecs, kiosk.facts], seeds: [ECS_SEED] });
afterAll(async () => {
  await server.close();
  await kiosk.remove();
});

const KIOSK = '2023-07-01';
const ECS = '2014-05-26';
const body = async (params: Record<string, string>) => {
  const res = await rawV1(server.url, params);
  expect(res.status, res.text).toBe(200);
  return withoutRequestId(res.json());
};
const xml = async (params: Record<string, string>) => {
  const res = await rawV1(server.url, { ...params, Format: 'XML' });
  expect(res.status, res.text).toBe(200);
  return res.text.replace(/<RequestId>[^<]*<\/RequestId>/, '');
};
const withoutRequestId = ({ RequestId: _, ...rest }: Record<string, unknown>) => rest;
const validator = (facts: typeof ecs, action: string) =>
  facts.actions.find((a) => a.descriptor.name === action)!.validateResponse;

describe('synthesised answers', () => {
  it.each([
    ['ECS DescribeRegions', { given: { Action: 'DescribeRegions', Version: ECS }, facts: ecs }],
    [
      'ECS DescribeRegions in English',
      { given: { Action: 'DescribeRegions', Version: ECS, AcceptLanguage: 'en-US' }, facts: ecs },
    ],
    [
      'ECS DescribeZones',
      { given: { Action: 'DescribeZones', Version: ECS, RegionId: 'cn-hangzhou' }, facts: ecs },
    ],
    ['Kiosk DescribeRegions', { given: { Action: 'DescribeRegions', Version: KIOSK }, facts: kiosk.facts }],
    [
      'Kiosk DescribeShelves',
      {
        given: { Action: 'DescribeShelves', Version: KIOSK, RegionId: 'north', PageSize: '20' },
        facts: kiosk.facts,
      },
    ],
  ])('%s passes the response validator, twice the same', async (_name, { given, facts }) => {
    const first = await rawV1(server.url, given);
    expect(first.status, first.text).toBe(200);
    expect(validator(facts, given.Action)(first.json())).toEqual([]);
    expect(await body(given)).toEqual(withoutRequestId(first.json()));
    expect(await xml(given)).toEqual(await xml(given));
  });

  it('differs when the request differs, and echoes the parameters the response names', async () => {
    const north = await body({ Action: 'DescribeShelves', Version: KIOSK, RegionId: 'north' });
    const south = await body({ Action: 'DescribeShelves', Version: KIOSK, RegionId: 'south' });
    expect(north).not.toEqual(south);
    expect(north.RegionId).toBe('north');
  });

  it('uses the spec example where it fits (the first item of a list)', async () => {
    const zones = (await body({ Action: 'DescribeZones', Version: ECS, RegionId: 'cn-hangzhou' })) as {
      Zones: { Zone: { ZoneId: string; LocalName: string }[] };
    };
    expect(zones.Zones.Zone[0]).toMatchObject({ ZoneId: 'cn-hangzhou-g', LocalName: '华东 1 可用区 G' });
  });

  it('answers a region the seed does not have with the action’s own error', async () => {
    const res = await rawV1(server.url, { Action: 'DescribeZones', Version: ECS, RegionId: 'xx-nowhere' });
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ Code: 'InvalidRegionId.NotFound' });
  });
});

describe('synthesised pages', () => {
  type Page = {
    TotalCount: number;
    PageNumber: number;
    PageSize: number;
    Shelves: { Shelf: { ShelfId: string }[] };
  };
  const page = async (pageNumber: number, pageSize: number, aisle = '3') =>
    (await body({
      Action: 'DescribeShelves',
      Version: KIOSK,
      RegionId: 'north',
      Aisle: aisle,
      PageNumber: String(pageNumber),
      PageSize: String(pageSize),
    })) as unknown as Page;

  it.each([
    ['pages of 4', { given: 4 }],
    ['pages of 7', { given: 7 }],
    ['pages of 20', { given: 20 }],
  ])(
    '%s add up: one total, full pages then the rest, the same items whatever the page size',
    async (_n, { given }) => {
      const whole = await page(1, 20);
      const total = whole.TotalCount;
      expect(total).toBeGreaterThan(0);
      const ids: string[] = [];
      const pages = Math.ceil(total / given);
      for (let n = 1; n <= pages + 1; n++) {
        const p = await page(n, given);
        expect(p).toMatchObject({ TotalCount: total, PageNumber: n, PageSize: given });
        expect(p.Shelves.Shelf).toHaveLength(Math.max(0, Math.min(given, total - (n - 1) * given)));
        ids.push(...p.Shelves.Shelf.map((s) => s.ShelfId));
      }
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      const big = [];
      for (let n = 1; n <= Math.ceil(total / 20); n++) big.push(...(await page(n, 20)).Shelves.Shelf);
      expect(ids).toEqual(big.map((s) => s.ShelfId));
    },
  );

  it('paginates through the generated client of the made-up product', async () => {
    const Client = kiosk.main.KioskClient as new (
      config: object,
    ) => {
      paginateDescribeShelvesItems(req: object): AsyncIterable<{ ShelfId: string }>;
    };
    const client = new Client({
      endpoint: server.url,
      credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
    });
    const seen: string[] = [];
    for await (const shelf of client.paginateDescribeShelvesItems({
      RegionId: 'north',
      Aisle: 3,
      PageSize: 3,
    }))
      seen.push(shelf.ShelfId);
    expect(seen.length).toBe((await page(1, 20)).TotalCount);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('synthesised lists filtered by a list of ids', () => {
  const shelves = async (params: Record<string, string>) =>
    (
      (await body({
        Action: 'ListShelves',
        Version: KIOSK,
        RegionId: 'north',
        MaxResults: '20',
        ...params,
      })) as {
        Shelves: { Shelf: { ShelfId: string }[] };
      }
    ).Shelves.Shelf.map((s) => s.ShelfId);

  it('keeps the items whose field is one of the values, in the unfiltered order', async () => {
    const all = await shelves({});
    expect(all.length).toBeGreaterThan(2);
    const wanted = [all[2]!, all[0]!];
    expect(await shelves({ 'ShelfId.1': wanted[0]!, 'ShelfId.2': wanted[1]! })).toEqual([all[0], all[2]]);
    expect(await shelves({ 'ShelfId.1': 'sh-absent' })).toEqual([]);
  });
});

describe('made-up list items, and the values the server checks', () => {
  type Disk = { ZoneId: string; RegionId?: string; DiskChargeType: string };
  const disks = async (params: Record<string, string>) =>
    (
      (await body({ Action: 'DescribeDisks', Version: ECS, MaxResults: '100', ...params })) as {
        Disks: { Disk: Disk[] };
      }
    ).Disks.Disk;

  it('name only zones of the region asked for (the seed’s scopes), never one the server would refuse', async () => {
    const listed = await disks({ RegionId: 'cn-shanghai' });
    expect(listed.length).toBeGreaterThan(1);
    for (const disk of listed) expect(['cn-shanghai-e', 'cn-shanghai-f']).toContain(disk.ZoneId);
  });

  it('take a value the server knows in a field named like a parameter that names something', async () => {
    const listed = await disks({ RegionId: 'cn-hangzhou' });
    const charges = [...new Set(listed.map((d) => d.DiskChargeType))];
    expect(charges.length).toBeGreaterThan(0);
    for (const charge of charges) {
      const filtered = await disks({ RegionId: 'cn-hangzhou', DiskChargeType: charge });
      expect(filtered.every((d) => d.DiskChargeType === charge)).toBe(true);
    }
  });

  it('refuses a zone that is in no scope when the request names no region', async () => {
    const create = {
      Action: 'CreateVSwitch',
      Version: ECS,
      CidrBlock: '172.16.0.0/24',
      VpcId: 'v-bp67acfmxazb4p****',
    };
    const refused = await rawV1(server.url, { ...create, ZoneId: 'xx-nowhere-a' });
    expect(refused.status, refused.text).toBe(404);
    expect(refused.json()).toMatchObject({ Code: 'InvalidZoneId.NotFound' });
    const accepted = await rawV1(server.url, { ...create, ZoneId: 'cn-shanghai-e' });
    expect(accepted.status, accepted.text).toBe(200);
  });
});
