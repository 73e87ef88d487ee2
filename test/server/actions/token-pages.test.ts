// Token pagination end to end, for a product the toolkit has never seen (the Kiosk fixture's
// ListShelves): the server hands out tokens over a synthesised list and refuses tokens it never
// handed out; the generated client's paginators follow them; the conformance suite's pagination
// checks pass against it.
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/start.ts';
import { runChecks } from '../../../templates/conformance/runner.ts';
import { fixturePackage } from '../../support/fixture-service.ts';
import { rawV1 } from '../../support/raw-client.ts';

const kiosk = await fixturePackage('test/fixtures/specs/kiosk.yaml');
const server = await startServer({ services: [kiosk.facts], seeds: [] });
afterAll(async () => {
  await server.close();
  await kiosk.remove();
});

const VERSION = '2023-07-01';
const list = async (params: Record<string, string>) => {
  const res = await rawV1(server.url, {
    Action: 'ListShelves',
    Version: VERSION,
    RegionId: 'south',
    ...params,
  });
  return { status: res.status, body: res.json() };
};
type Page = { NextToken: string; TotalCount: number; Shelves: { Shelf: { ShelfId: string }[] } };

async function walk(size: number): Promise<{ ids: string[]; pages: number; total: number }> {
  const ids: string[] = [];
  let token = '';
  for (let pages = 1; ; pages++) {
    const { status, body } = await list({ MaxResults: String(size), ...(token && { NextToken: token }) });
    expect(status, JSON.stringify(body)).toBe(200);
    const page = body as unknown as Page;
    expect(page.Shelves.Shelf.length).toBeLessThanOrEqual(size);
    ids.push(...page.Shelves.Shelf.map((s) => JSON.stringify(s)));
    if (page.NextToken === '') return { ids, pages, total: page.TotalCount };
    token = page.NextToken;
  }
}

describe('a token-paged list on the reference server', () => {
  it('gives every item once whatever the page size, the total on every page, and no token on the last', async () => {
    const big = await walk(20);
    const small = await walk(3);
    expect(big.total).toBeGreaterThan(20); // several pages at both sizes
    expect(big.ids.length).toBe(big.total);
    expect(new Set(big.ids).size).toBe(big.ids.length);
    expect(small.ids).toEqual(big.ids);
    expect(small.pages).toBe(Math.max(1, Math.ceil(big.total / 3)));
  });

  it.each([
    ['made up', 'not-a-token'],
    ['past the end', 'acsrpc-zzzz'],
    ['zero', 'acsrpc-0'],
  ])('refuses a token it never handed out (%s) with the action’s own code', async (_name, token) => {
    const { status, body } = await list({ NextToken: token });
    expect(status).toBe(400);
    expect(body.Code).toBe('InvalidParameter.NextToken');
  });

  it("is followed by the generated client's item paginator to the same items", async () => {
    const Client = kiosk.main.KioskClient as new (
      config: unknown,
    ) => {
      paginateListShelvesItems(params: unknown): AsyncIterable<unknown>;
    };
    const client = new Client({
      endpoint: server.url,
      credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
    });
    const items: string[] = [];
    for await (const item of client.paginateListShelvesItems({ RegionId: 'south', MaxResults: 4 }))
      items.push(JSON.stringify(item));
    expect(items).toEqual((await walk(20)).ids);
  });

  it('passes the suite’s pagination and response checks for it', async () => {
    const result = await runChecks(
      kiosk.facts,
      {
        endpoint: server.url,
        accessKeyId: 'testid',
        accessKeySecret: 'testsecret',
        values: { RegionId: 'south' },
      },
      { seed: 7, authChecks: false, only: '*.ListShelves.*' },
    );
    const ids = result.outcomes.map((o) => o.id);
    expect(ids).toContain('pagination.ListShelves.foreign-token');
    expect(ids).toContain('pagination.ListShelves.sizes-agree');
    expect(
      result.outcomes.filter((o) => o.failure !== undefined).map((o) => `${o.id}: ${o.failure?.message}`),
    ).toEqual([]);
  });
});
