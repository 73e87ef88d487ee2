// Paginators over 0, 1, 9, 10, 11 and 137 items, and a server whose pages never end.
import { EcsClient } from '@acs-rpc/ecs';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceIds, pagesOf, paramsOf } from '../../support/ecs-pages.ts';
import { type FakeServer, startFakeServer } from '../../support/fake-server.ts';

const servers: FakeServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function clientOver(count: number): Promise<{ client: EcsClient; server: FakeServer }> {
  const server = await startFakeServer(pagesOf(count));
  servers.push(server);
  const client = new EcsClient({
    endpoint: server.url,
    credentials: { accessKeyId: 'id', accessKeySecret: 's' },
  });
  return { client, server };
}

describe('paginateDescribeInstanceStatusItems', () => {
  it.each([0, 1, 9, 10, 11, 137])('yields every one of %i items once, in order', async (count) => {
    const { client, server } = await clientOver(count);
    const ids: string[] = [];
    for await (const item of client.paginateDescribeInstanceStatusItems({ RegionId: 'cn-hangzhou' }))
      ids.push(item.InstanceId);
    expect(ids).toEqual(instanceIds(count));
    expect(server.requests).toHaveLength(Math.max(1, Math.ceil(count / 10)));
  });

  it('pages with the page size asked for, from the page asked for', async () => {
    const { client, server } = await clientOver(137);
    const pages = [];
    for await (const page of client.paginateDescribeInstanceStatus({
      RegionId: 'cn-hangzhou',
      PageSize: 50,
      PageNumber: 2,
    })) {
      pages.push(page.InstanceStatuses.InstanceStatus.length);
    }
    expect(pages).toEqual([50, 37]);
    expect(server.requests.map((r) => paramsOf(r).get('PageNumber'))).toEqual(['2', '3']);
  });

  it('stops a server that never ends', async () => {
    const server = await startFakeServer((req, res) => {
      const page = Number(paramsOf(req).get('PageNumber'));
      res.writeHead(200, { 'content-type': 'application/json' });
      // Always a full page, and a total that keeps growing past what has been read.
      res.end(
        JSON.stringify({
          RequestId: 'R',
          TotalCount: (page + 1) * 10,
          PageNumber: page,
          PageSize: 10,
          InstanceStatuses: {
            InstanceStatus: Array.from({ length: 10 }, (_, i) => ({
              InstanceId: `i-${page}-${i}`,
              Status: 'Running',
            })),
          },
        }),
      );
    });
    servers.push(server);
    const client = new EcsClient({
      endpoint: server.url,
      credentials: { accessKeyId: 'id', accessKeySecret: 's' },
    });
    let seen = 0;
    const error = await (async () => {
      for await (const _ of client.paginateDescribeInstanceStatusItems({ RegionId: 'cn-hangzhou' })) seen++;
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'Client.PaginationLimit' });
    expect(seen).toBe(30);
    expect(server.requests).toHaveLength(3);
  });
});
