// The contestants of the per-call benchmark (per-call.ts), each a function making one
// DescribeInstanceStatus call against the same fixed-response server: the floors (raw node:http
// keep-alive and raw fetch, both with a request signed once beforehand), the runtime's own node:http
// transport with that same request (what the client's transport costs, apart from the client), the
// generated client (V3 and V1 on Node's transport, V3 on the fetch transport), and the official SDKs.
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { EcsClient } from '@acs-rpc/ecs';
import { nodeTransport } from '@acs-rpc/runtime/transport-node.js';
import { signRequest } from '../templates/runtime/sign-request.ts';
import { BENCH_KEYS, benchCall } from './presign.ts';

const require = createRequire(import.meta.url);
const credentials = BENCH_KEYS;

export const RAW_HTTP = 'raw node:http keep-alive, pre-signed (the floor)';
export const RAW_FETCH = 'raw fetch, pre-signed';
export const TRANSPORT = "the runtime's node:http transport alone, pre-signed";
export const OURS_V3 = 'generated client, V3 (node:http)';
export const OURS_V1 = 'generated client, V1 (node:http)';
export const OURS_FETCH = 'generated client, V3, fetch transport';
export const OFFICIAL = '@alicloud/ecs20140526 (V3)';
export const POP_CORE = '@alicloud/pop-core (V1)';

export type Contestant = readonly [name: string, call: () => Promise<unknown>];

export async function contestants(url: string): Promise<Contestant[]> {
  const presigned = await signRequest(benchCall(new URL(url)), credentials, {
    signatureVersion: 'v3',
    now: new Date(),
    nonce: 'fixed',
  });
  const agent = new Agent({ keepAlive: true });
  const rawHttp = () =>
    new Promise<unknown>((resolve, reject) => {
      const req = request(presigned.url, { headers: presigned.headers, agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve(JSON.parse(text)));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  const transport = nodeTransport();
  const transportOnly = () =>
    transport(presigned, { timeoutMs: 30_000 }).then((r) => JSON.parse(r.bodyText) as unknown);
  const ours = (config: ConstructorParameters<typeof EcsClient>[0]) => {
    const client = new EcsClient({ endpoint: url, credentials, retry: false, ...config });
    return () => client.describeInstanceStatus({ RegionId: 'cn-hangzhou' });
  };
  return [
    [RAW_HTTP, rawHttp],
    [RAW_FETCH, () => fetch(presigned.url, { headers: presigned.headers }).then((r) => r.json())],
    [TRANSPORT, transportOnly],
    [OURS_V3, ours({ signatureVersion: 'v3' })],
    [OURS_V1, ours({ signatureVersion: 'v1' })],
    [OURS_FETCH, ours({ signatureVersion: 'v3', fetch: (u, init) => fetch(u, init) })],
    [OFFICIAL, official(url)],
    [POP_CORE, popCore(url)],
  ];
}

function official(url: string): () => Promise<unknown> {
  const Ecs = require('@alicloud/ecs20140526');
  const OpenApi = require('@alicloud/openapi-client');
  const client = new Ecs.default(
    new OpenApi.Config({
      ...credentials,
      endpoint: new URL(url).host,
      protocol: 'http',
      regionId: 'cn-hangzhou',
    }),
  );
  const req = new Ecs.DescribeInstanceStatusRequest({ regionId: 'cn-hangzhou' });
  return () => client.describeInstanceStatus(req);
}

function popCore(url: string): () => Promise<unknown> {
  const RPCClient = require('@alicloud/pop-core').RPCClient;
  const client = new RPCClient({ ...credentials, endpoint: url, apiVersion: '2014-05-26' });
  return () => client.request('DescribeInstanceStatus', { RegionId: 'cn-hangzhou' }, { method: 'GET' });
}
