// Middleware through RpcClient with an injected fetch: the steps in order across retries, a header a
// build middleware adds is sent and signed, deserialize middleware reads the raw response and changes
// the output, per-call middleware, and failures that come out as scrubbed AcsErrors.
import { describe, expect, it } from 'vitest';
import { type ClientConfig, RpcClient } from '../../../templates/runtime/client.ts';
import { AcsError } from '../../../templates/runtime/errors.ts';
import type { Middleware, Step } from '../../../templates/runtime/middleware.ts';
import { jsonReply, type Reply, scriptedFetch } from '../../support/scripted-fetch.ts';
import { describeThingsAction, widgetsService } from '../../support/widgets-service.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE123', accessKeySecret: 'topsecretvalue' };
const page = { RequestId: 'REQ-OK', TotalCount: 1, Things: { Thing: [{ ThingId: 't-1', Size: 3 }] } };
const params = { RegionId: 'cn-north' };

function setup(replies: Reply[], config: ClientConfig = {}) {
  const f = scriptedFetch(...replies);
  const client = new RpcClient(widgetsService, {
    credentials,
    fetch: f.fetch,
    now: () => Date.parse('2030-01-01T00:00:00Z'),
    random: () => 0,
    sleep: async () => {},
    ...config,
  });
  return { client, sent: f.sent };
}
const headersOf = (init: RequestInit) => init.headers as Record<string, string>;

describe('RpcClient middleware', () => {
  it('runs initialize and serialize once, build, finalize and deserialize on every attempt', async () => {
    const { client } = setup([
      jsonReply(503, { Code: 'ServiceUnavailable', Message: 'busy' }),
      jsonReply(200, page),
    ]);
    const seen: string[] = [];
    const record =
      (step: Step): Middleware<Step> =>
      (next, context) =>
      async (args) => {
        seen.push(`${step}:${context.attempt}`);
        return next(args);
      };
    for (const step of ['deserialize', 'finalize', 'build', 'serialize', 'initialize'] as const)
      client.middleware.add(record(step), { step, name: step });
    await client.invoke(describeThingsAction, params);
    expect(seen).toEqual([
      'initialize:0',
      'serialize:0',
      'build:1',
      'finalize:1',
      'deserialize:1',
      'build:2',
      'finalize:2',
      'deserialize:2',
    ]);
  });

  it('lets initialize fix the input before it is validated', async () => {
    const { client, sent } = setup([jsonReply(200, page)]);
    client.middleware.add((next) => (args) => next({ input: { ...args.input, RegionId: 'cn-north' } }), {
      name: 'default-region',
    });
    await client.invoke(describeThingsAction, {});
    expect(sent[0]?.url).toContain('widgets.cn-north.example.test');
  });

  it('signs a header a build middleware adds (V3), and sends it', async () => {
    const { client, sent } = setup([jsonReply(200, page)]);
    client.middleware.add(
      (next) => (args) =>
        next({
          ...args,
          request: {
            ...args.request,
            headers: [...(args.request.headers ?? []), ['x-acs-trace-id', 't-42']],
          },
        }),
      { step: 'build', name: 'trace' },
    );
    await client.invoke(describeThingsAction, params);
    const headers = headersOf(sent[0]!.init);
    expect(headers['x-acs-trace-id']).toBe('t-42');
    expect(headers.authorization).toMatch(/SignedHeaders=[^,]*x-acs-trace-id/);
  });

  it('lets deserialize read the raw response and change the parsed output', async () => {
    const { client } = setup([jsonReply(200, page, { 'x-acs-request-id': 'REQ-HEADER' })]);
    client.middleware.add(
      (next) => async (args) => {
        const result = await next(args);
        return {
          ...result,
          output: {
            ...(result.output as object),
            status: result.response?.status,
            fromHeader: result.response?.headers.get('x-acs-request-id'),
          },
        };
      },
      { step: 'deserialize', name: 'raw' },
    );
    await expect(client.invoke(describeThingsAction, params)).resolves.toMatchObject({
      RequestId: 'REQ-OK',
      status: 200,
      fromHeader: 'REQ-HEADER',
    });
  });

  it('runs a call’s own middleware for that call only', async () => {
    const { client, sent } = setup([jsonReply(200, page)]);
    const tag: Middleware<'finalize'> = (next) => (args) =>
      next({
        ...args,
        request: { ...args.request, headers: { ...args.request.headers, traceparent: '00-1' } },
      });
    await client.invoke(describeThingsAction, params, {
      middleware: [{ middleware: tag, step: 'finalize' }],
    });
    await client.invoke(describeThingsAction, params);
    expect(headersOf(sent[0]!.init).traceparent).toBe('00-1');
    expect(headersOf(sent[1]!.init).traceparent).toBeUndefined();
  });

  it('removes a middleware by name', async () => {
    const { client } = setup([jsonReply(200, page)]);
    client.middleware.add(() => async () => ({ output: 'cached' }), { name: 'cache' });
    await expect(client.invoke(describeThingsAction, params)).resolves.toBe('cached');
    client.middleware.remove('cache');
    await expect(client.invoke(describeThingsAction, params)).resolves.toMatchObject({ RequestId: 'REQ-OK' });
  });

  it('turns a failing middleware into a typed AcsError with no secret in it, and does not retry it', async () => {
    const { client, sent } = setup([jsonReply(200, page)]);
    client.middleware.add(
      () => async (args) => {
        throw new Error(`refused ${args.request.headers.authorization}`);
      },
      { step: 'finalize', name: 'leaky' },
    );
    const error = await client.invoke(describeThingsAction, params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsError);
    expect(error).toMatchObject({ code: 'Client.MiddlewareError', retryable: false });
    const text = `${(error as Error).message} ${(error as Error).stack} ${String((error as Error).cause)}`;
    expect(text).toContain('Middleware "leaky" (finalize) failed: Error: refused ACS3-HMAC-SHA256');
    expect(text).not.toContain('topsecretvalue');
    expect(text).not.toContain('AKIDEXAMPLE123');
    expect(text).not.toMatch(/Signature=[0-9a-f]{8}/);
    expect(sent).toHaveLength(0);
  });
});
