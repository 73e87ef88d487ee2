// The official Alibaba SDKs against the reference server: more than 10 InstanceIds (so the
// InstanceId.10 sort order matters), values with special characters, STS tokens.
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { startEcsServer } from '../support/ecs-server.ts';

const require = createRequire(import.meta.url);
const Ecs = require('@alicloud/ecs20140526');
const OpenApi = require('@alicloud/openapi-client');
const RPCClient = require('@alicloud/pop-core');

const server = await startEcsServer();
afterAll(() => server.close());
const port = new URL(server.url).port;

// Seeded in server/seed.yaml: i-hz0007 and i-hz0077 are the two instances of this cluster.
const cluster = "cls-spécial* !()'~ 集群";
const ids = Array.from({ length: 12 }, (_, i) => `i-hz${String(i * 7 + 7).padStart(4, '0')}`);
const expected = {
  TotalCount: 2,
  PageNumber: 1,
  PageSize: 5,
  InstanceStatuses: {
    InstanceStatus: [
      { InstanceId: 'i-hz0007', Status: 'Running' },
      { InstanceId: 'i-hz0077', Status: 'Running' },
    ],
  },
};

describe('@alicloud/ecs20140526 with @alicloud/openapi-client', () => {
  it.each([
    ['V3 (its default)', undefined],
    ["signatureAlgorithm 'v2' (HMAC-SHA1)", 'v2'],
  ])('%s with an STS token', async (_name, algorithm) => {
    const config = new OpenApi.Config({
      accessKeyId: 'STS.testid',
      accessKeySecret: 'testsecret',
      securityToken: 'teststsToken',
      endpoint: `127.0.0.1:${port}`,
      protocol: 'http',
      regionId: 'cn-hangzhou',
    });
    if (algorithm !== undefined) config.signatureAlgorithm = algorithm;
    const client = new Ecs.default(config);
    const response = await client.describeInstanceStatus(
      new Ecs.DescribeInstanceStatusRequest({
        regionId: 'cn-hangzhou',
        clusterId: cluster,
        instanceId: ids,
        pageSize: 5,
      }),
    );
    expect(response.body.toMap()).toMatchObject(expected);
  });

  it('gets the spec’s error for an unknown region', async () => {
    const client = new Ecs.default(
      new OpenApi.Config({
        accessKeyId: 'testid',
        accessKeySecret: 'testsecret',
        endpoint: `127.0.0.1:${port}`,
        protocol: 'http',
        regionId: 'cn-hangzhou',
      }),
    );
    const error = await client
      .describeInstanceStatus(new Ecs.DescribeInstanceStatusRequest({ regionId: 'xx-nowhere' }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'InvalidRegionId.NotFound', statusCode: 404 });
  });
});

describe('@alicloud/openapi-client, its own Client (callApi)', () => {
  it.each([
    ['V3 (its default)', undefined],
    ["signatureAlgorithm 'v2'", 'v2'],
  ])('%s with an STS token', async (_name, algorithm) => {
    const config = new OpenApi.Config({
      accessKeyId: 'STS.testid',
      accessKeySecret: 'testsecret',
      securityToken: 'teststsToken',
      endpoint: `127.0.0.1:${port}`,
      protocol: 'http',
      regionId: 'cn-hangzhou',
    });
    if (algorithm !== undefined) config.signatureAlgorithm = algorithm;
    const query: Record<string, unknown> = { RegionId: 'cn-hangzhou', ClusterId: cluster, PageSize: 5 };
    ids.forEach((id, i) => {
      query[`InstanceId.${i + 1}`] = id;
    });
    const params = new OpenApi.Params({
      action: 'DescribeInstanceStatus',
      version: '2014-05-26',
      protocol: 'HTTP',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    });
    const response = await new OpenApi.default(config).callApi(
      params,
      new OpenApi.OpenApiRequest({ query }),
      {},
    );
    expect(response.body).toMatchObject(expected);
  });
});

describe('@alicloud/pop-core', () => {
  it.each([
    ['GET', 'InstanceId.N keys', false],
    ['POST', 'InstanceId.N keys', false],
    ['GET', 'an InstanceId array and an STS token', true],
    ['POST', 'an InstanceId array and an STS token', true],
  ])('%s with %s', async (method, _what, sts) => {
    const client = new RPCClient({
      accessKeyId: sts ? 'STS.testid' : 'testid',
      accessKeySecret: 'testsecret',
      ...(sts ? { securityToken: 'teststsToken' } : {}),
      endpoint: server.url,
      apiVersion: '2014-05-26',
    });
    const params: Record<string, unknown> = { RegionId: 'cn-hangzhou', ClusterId: cluster, PageSize: 5 };
    if (sts) params.InstanceId = ids;
    else
      ids.forEach((id, i) => {
        params[`InstanceId.${i + 1}`] = id;
      });
    expect(await client.request('DescribeInstanceStatus', params, { method })).toMatchObject(expected);
  });

  it('gets the spec’s error for an unknown zone', async () => {
    const client = new RPCClient({
      accessKeyId: 'testid',
      accessKeySecret: 'testsecret',
      endpoint: server.url,
      apiVersion: '2014-05-26',
    });
    const error = await client
      .request(
        'DescribeInstanceStatus',
        { RegionId: 'cn-hangzhou', ZoneId: 'cn-shanghai-e' },
        { method: 'POST' },
      )
      .catch((e: unknown) => e);
    // pop-core reads the Code from the body and keeps the status under entry.response.
    expect(error).toMatchObject({ code: 'InvalidZoneId.NotFound', entry: { response: { statusCode: 404 } } });
  });
});
