// RpcClient from source with the hand-written Widgets descriptors and an injected fetch: what is
// sent (endpoint, method, format, signing time), what hooks and logs see, and how responses end.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ClientConfig, RpcClient } from '../../../templates/runtime/client.ts';
import {
  AcsCredentialsError,
  AcsResponseError,
  AcsServiceError,
  AcsTimeoutError,
  AcsValidationError,
} from '../../../templates/runtime/errors.ts';
import type { RequestInfo, ResponseInfo } from '../../../templates/runtime/hooks.ts';
import { paginateItems } from '../../../templates/runtime/paginate.ts';
import { jsonReply, type Reply, scriptedFetch, serviceError } from '../../support/scripted-fetch.ts';
import { createThingAction, describeThingsAction, widgetsService } from '../../support/widgets-service.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE123', accessKeySecret: 'topsecretvalue' };
const NOW = Date.parse('2030-01-01T00:00:00Z');
const page = { RequestId: 'REQ-OK', TotalCount: 1, Things: { Thing: [{ ThingId: 't-1', Size: 3 }] } };

function setup(replies: Reply[], config: ClientConfig = {}) {
  const f = scriptedFetch(...replies);
  const client = new RpcClient(widgetsService, {
    credentials,
    fetch: f.fetch,
    now: () => NOW,
    random: () => 0,
    ...config,
  });
  return { client, sent: f.sent };
}
const things = (client: RpcClient, params: object = { RegionId: 'cn-north' }, options = {}) =>
  client.invoke(describeThingsAction, params, options);
const headersOf = (init: RequestInit) => init.headers as Record<string, string>;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('RpcClient.invoke, the request', () => {
  it('refuses an invalid call before anything is sent, naming the parameter', async () => {
    const { client, sent } = setup([jsonReply(200, page)]);
    const error = await things(client, { PageSize: 99 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsValidationError);
    expect((error as Error).message).toBe('Invalid request: RegionId is required; PageSize must be <= 50');
    expect(sent).toHaveLength(0);
  });

  it.each<[string, { config: ClientConfig; params: object; want: string }]>([
    [
      'the RegionId parameter picks the host',
      { config: {}, params: { RegionId: 'cn-north' }, want: 'https://widgets.cn-north.example.test/' },
    ],
    [
      'the region option wins over RegionId',
      {
        config: { region: 'cn-south' },
        params: { RegionId: 'cn-north' },
        want: 'https://widgets.cn-south.example.test/',
      },
    ],
    [
      'an explicit endpoint wins over both',
      {
        config: { endpoint: 'http://127.0.0.1:9/x', region: 'cn-south' },
        params: { RegionId: 'cn-north' },
        want: 'http://127.0.0.1:9/',
      },
    ],
  ])('%s', async (_name, { config, params, want }) => {
    const { client, sent } = setup([jsonReply(200, page)], config);
    await things(client, params);
    expect(sent[0]?.url.split('?')[0]).toBe(want);
  });

  it('with a non-string RegionId and no region, uses the central host', async () => {
    const f = scriptedFetch(jsonReply(200, {}));
    const client = new RpcClient(widgetsService, { credentials, fetch: f.fetch, env: {} });
    await client.invoke(createThingAction, { RegionId: 7 });
    expect(f.sent[0]?.url).toBe('https://widgets.example.test/');
  });

  it.each<[string, { config: ClientConfig; params: object; want: string }]>([
    ['when neither the config nor the request names one', { config: {}, params: {}, want: 'cn-east' }],
    ['after the request’s RegionId', { config: {}, params: { RegionId: 'cn-north' }, want: 'cn-north' }],
    ['after the region option', { config: { region: 'cn-south' }, params: {}, want: 'cn-south' }],
  ])('takes the region from ALIBABA_CLOUD_REGION_ID %s', async (_name, { config, params, want }) => {
    const f = scriptedFetch(jsonReply(200, {}));
    const env = { ALIBABA_CLOUD_REGION_ID: 'cn-east' };
    const client = new RpcClient(widgetsService, { credentials, fetch: f.fetch, env, ...config });
    await client.invoke(createThingAction, params);
    expect(f.sent[0]?.url).toBe(`https://widgets.${want}.example.test/`);
  });

  it('passes its env to the default credentials chain', async () => {
    const f = scriptedFetch(jsonReply(200, {}));
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret' };
    const client = new RpcClient(widgetsService, { fetch: f.fetch, env });
    await client.invoke(createThingAction, {});
    expect(headersOf(f.sent[0]!.init).authorization).toMatch(/Credential=env-id,/);
  });

  it('sends V3 by default: GET (the first method), parameters in the query, JSON, signed at now', async () => {
    const { client, sent } = setup([jsonReply(200, page)]);
    await things(client, { RegionId: 'cn-north', ThingId: ['a', 'b'] });
    const { url, init } = sent[0]!;
    expect(init.method).toBe('GET');
    expect(init.redirect).toBe('manual');
    expect(url).toBe('https://widgets.cn-north.example.test/?RegionId=cn-north&ThingId.1=a&ThingId.2=b');
    const headers = headersOf(init);
    expect(headers['x-acs-action']).toBe('DescribeThings');
    expect(headers['x-acs-version']).toBe('2020-01-01');
    expect(headers['x-acs-date']).toBe('2030-01-01T00:00:00Z');
    expect(headers.accept).toBe('application/json');
    expect(headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=AKIDEXAMPLE123,/);
  });

  it('uses the method of the call options, the XML format and V1 when configured', async () => {
    const xml = new Response(
      '<DescribeThingsResponse><RequestId>X</RequestId><TotalCount>0</TotalCount></DescribeThingsResponse>',
      { headers: { 'content-type': 'text/xml' } },
    );
    const { client, sent } = setup([xml], { format: 'XML', signatureVersion: 'v1' });
    const body = await things(client, { RegionId: 'cn-north' }, { method: 'POST' });
    expect(body).toEqual({ RequestId: 'X', TotalCount: 0 });
    const { init } = sent[0]!;
    expect(init.method).toBe('POST');
    expect(String(init.body)).toMatch(/^Action=DescribeThings&Version=2020-01-01&Format=XML&AccessKeyId=/);
    expect(String(init.body)).toMatch(/&SignatureMethod=HMAC-SHA1&/);
    expect(headersOf(init).accept).toBe('application/xml');
  });

  it('re-signs every attempt with a fresh nonce', async () => {
    const { client, sent } = setup([jsonReply(503, serviceError('InternalError')), jsonReply(200, page)]);
    await things(client);
    const nonces = sent.map((s) => headersOf(s.init)['x-acs-signature-nonce']);
    expect(nonces).toHaveLength(2);
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

describe('RpcClient.invoke, retries and time', () => {
  it('with retry: false makes a single attempt', async () => {
    const { client, sent } = setup([jsonReply(503, serviceError('InternalError')), jsonReply(200, page)], {
      retry: false,
    });
    await expect(things(client)).rejects.toBeInstanceOf(AcsServiceError);
    expect(sent).toHaveLength(1);
  });

  it('merges partial retry options with the defaults', async () => {
    const { client, sent } = setup([jsonReply(503, serviceError('InternalError'))], {
      retry: { maxAttempts: 2 },
    });
    await expect(things(client)).rejects.toMatchObject({ code: 'InternalError' });
    expect(sent).toHaveLength(2);
  });

  it('sizes the retry quota from quotaCapacity', async () => {
    const { client, sent } = setup([jsonReply(503, serviceError('InternalError'))], {
      retry: { quotaCapacity: 5 },
    });
    await expect(things(client)).rejects.toBeDefined();
    expect(sent).toHaveLength(2);
  });

  it('signs the retry after a rejected timestamp at the server time, and keeps that offset', async () => {
    const expired = jsonReply(400, serviceError('InvalidTimeStamp.Expired'), {
      date: 'Tue, 01 Jan 2030 00:10:00 GMT',
    });
    const { client, sent } = setup([expired, jsonReply(200, page)]);
    await things(client);
    await things(client);
    const dates = sent.map((s) => headersOf(s.init)['x-acs-date']);
    expect(dates).toEqual(['2030-01-01T00:00:00Z', '2030-01-01T00:10:00Z', '2030-01-01T00:10:00Z']);
  });

  it.each<[string, { config: ClientConfig; options: object }]>([
    ['the call option', { config: { timeoutMs: 60_000 }, options: { timeoutMs: 5 } }],
    ['the client option', { config: { timeoutMs: 5 }, options: {} }],
  ])('ends a silent attempt after the timeout of %s', async (_name, { config, options }) => {
    const silent: Reply = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const { client } = setup([silent], { retry: false, ...config });
    const error = await things(client, { RegionId: 'cn-north' }, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsTimeoutError);
    expect((error as Error).message).toBe('No complete response within 5 ms.');
  });

  it.each<[string, { config: ClientConfig; options: object }]>([
    ['the client option', { config: { maxResponseBytes: 64 }, options: {} }],
    ['the call option', { config: { maxResponseBytes: 1 << 20 }, options: { maxResponseBytes: 64 } }],
  ])(
    'fails a body over maxResponseBytes of %s once, without retrying it',
    async (_name, { config, options }) => {
      const big = jsonReply(503, { ...serviceError('InternalError'), Padding: 'x'.repeat(100) });
      const { client, sent } = setup([big], config);
      const error = await things(client, { RegionId: 'cn-north' }, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AcsResponseError);
      expect(error).toMatchObject({ code: 'Client.ResponseTooLarge', httpStatus: 503, retryable: false });
      expect(sent).toHaveLength(1);
    },
  );

  /** A clock that moves only when the client waits (or a reply says so), and the waits it made. */
  function virtualTime() {
    const t = { clock: NOW, sleeps: [] as number[] };
    const config: ClientConfig = {
      now: () => t.clock,
      sleep: async (ms) => {
        t.sleeps.push(ms);
        t.clock += ms;
      },
    };
    return { t, config };
  }
  const storm = () => jsonReply(503, serviceError('InternalError'), { 'retry-after': '999999' });

  it('bounds a Retry-After storm by the default deadline, timeoutMs × maxAttempts', async () => {
    const { t, config } = virtualTime();
    const { client, sent } = setup([storm()], { ...config, timeoutMs: 1000 });
    await expect(things(client)).rejects.toMatchObject({ code: 'InternalError' });
    expect(t.sleeps).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it.each<[string, { config: ClientConfig; options: object }]>([
    ['the client option', { config: { deadlineMs: 45_000 }, options: {} }],
    ['the call option', { config: { deadlineMs: 1000 }, options: { deadlineMs: 45_000 } }],
  ])('waits between retries only within deadlineMs of %s', async (_name, { config, options }) => {
    const { t, config: clock } = virtualTime();
    const { client, sent } = setup([storm()], { ...clock, ...config, retry: { maxAttempts: 10 } });
    await expect(things(client, { RegionId: 'cn-north' }, options)).rejects.toMatchObject({
      code: 'InternalError',
    });
    expect(t.sleeps).toEqual([20_000, 20_000]);
    expect(sent).toHaveLength(3);
  });

  it('gives an attempt only the time left before the deadline, failing with Client.DeadlineExceeded', async () => {
    const { t, config } = virtualTime();
    const slow: Reply = async () => {
      t.clock += 995;
      return storm();
    };
    const silent: Reply = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const { client, sent } = setup([slow, silent], {
      ...config,
      timeoutMs: 60_000,
      deadlineMs: 1000,
      retry: { maxRetryAfterMs: 0 },
    });
    const error = await things(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsTimeoutError);
    expect(error).toMatchObject({
      code: 'Client.DeadlineExceeded',
      message: 'The call did not complete within its deadline of 1000 ms.',
      retryable: false,
    });
    expect(sent).toHaveLength(2);
  });

  it('keeps each attempt’s own timeout under the default deadline, however long signing took', async () => {
    let clock = NOW;
    const silent: Reply = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const { client } = setup([silent], { now: () => (clock += 3), timeoutMs: 5, retry: false });
    await expect(things(client)).rejects.toMatchObject({ code: 'Client.Timeout', retryable: true });
  });

  it('sends nothing more once the deadline has passed, not even the clock-skew retry', async () => {
    const { t, config } = virtualTime();
    const late: Reply = async () => {
      t.clock += 2000;
      return jsonReply(400, serviceError('InvalidTimeStamp.Expired'), {
        date: 'Tue, 01 Jan 2030 00:10:00 GMT',
      });
    };
    const { client, sent } = setup([late], { ...config, deadlineMs: 1000 });
    await expect(things(client)).rejects.toMatchObject({ code: 'Client.DeadlineExceeded' });
    expect(sent).toHaveLength(1);
  });

  it('reports a credentials failure without sending', async () => {
    const f = scriptedFetch(jsonReply(200, page));
    const client = new RpcClient(widgetsService, {
      credentials: async () => ({ accessKeyId: '', accessKeySecret: 'x' }),
      fetch: f.fetch,
    });
    await expect(things(client)).rejects.toBeInstanceOf(AcsCredentialsError);
    expect(f.sent).toHaveLength(0);
  });
});

describe('RpcClient.invoke, hooks and logs', () => {
  it('shows hooks redacted requests and each attempt outcome with attempt and willRetry', async () => {
    const before: RequestInfo[] = [];
    const after: ResponseInfo[] = [];
    const { client } = setup([jsonReply(503, serviceError('InternalError')), jsonReply(200, page)], {
      signatureVersion: 'v1',
      hooks: { beforeRequest: (i) => void before.push(i), afterResponse: (i) => void after.push(i) },
    });
    await things(client, { RegionId: 'cn-north' }, { method: 'POST' });
    expect(before.map((b) => [b.action, b.attempt, b.method])).toEqual([
      ['DescribeThings', 1, 'POST'],
      ['DescribeThings', 2, 'POST'],
    ]);
    expect(before[0]?.url).toBe('https://widgets.cn-north.example.test/');
    expect(before[0]?.body).toMatch(/AccessKeyId=AKID\*\*\*&/);
    expect(before[0]?.body).toMatch(/&Signature=\*\*\*$/);
    expect(after).toEqual([
      {
        action: 'DescribeThings',
        attempt: 1,
        status: 503,
        requestId: 'REQ-InternalError',
        errorCode: 'InternalError',
        willRetry: true,
      },
      {
        action: 'DescribeThings',
        attempt: 2,
        status: 200,
        requestId: 'REQ-OK',
        errorCode: undefined,
        willRetry: false,
      },
    ]);
  });

  it('gives a GET request hook the redacted URL and no body', async () => {
    const before: RequestInfo[] = [];
    const { client } = setup([jsonReply(200, page)], {
      hooks: { beforeRequest: (i) => void before.push(i) },
    });
    await things(client);
    expect(before[0]).not.toHaveProperty('body');
    expect(before[0]?.headers.authorization).toMatch(/Credential=AKID\*\*\*,.*Signature=\*\*\*$/);
  });

  it('logs a hook that throws and completes the call', async () => {
    const warn = vi.fn();
    const { client } = setup([jsonReply(200, page)], {
      logger: { warn },
      hooks: {
        beforeRequest: () => {
          throw new Error('hook broke');
        },
      },
    });
    await expect(things(client)).resolves.toMatchObject({ RequestId: 'REQ-OK' });
    expect(warn).toHaveBeenCalledWith('A client hook threw; the call goes on.', { error: 'hook broke' });
  });

  it('logs to console.warn when no logger is given', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { client } = setup([jsonReply(200, page)], {
      hooks: { afterResponse: () => Promise.reject('no') },
    });
    await things(client);
    expect(warn).toHaveBeenCalledWith('A client hook threw; the call goes on.', { error: 'no' });
  });
});

describe('RpcClient.invoke, responses', () => {
  const bad = { RequestId: 'REQ-BAD', Things: { Thing: [{ Size: 1 }] } };

  it('returns the normalized body', async () => {
    const { client } = setup([
      jsonReply(200, { RequestId: 'R', TotalCount: '2', Things: { Thing: { ThingId: 'a' } } }),
    ]);
    await expect(things(client)).resolves.toEqual({
      RequestId: 'R',
      TotalCount: 2,
      Things: { Thing: [{ ThingId: 'a' }] },
    });
  });

  it.each([
    ['off (default)', {}],
    ['off', { validateResponses: 'off' as const }],
  ])('does not check responses when validation is %s', async (_name, config) => {
    const { client } = setup([jsonReply(200, bad)], config);
    await expect(things(client)).resolves.toEqual(bad);
  });

  it('warns through the logger when validation is warn', async () => {
    const warn = vi.fn();
    const { client } = setup([jsonReply(200, bad)], { validateResponses: 'warn', logger: { warn } });
    await expect(things(client)).resolves.toEqual(bad);
    expect(warn.mock.calls).toEqual([
      ['DescribeThings response does not match the spec: Things.Thing[0].ThingId is required'],
    ]);
  });

  it('throws a typed error with the request id when validation is throw', async () => {
    const { client } = setup([jsonReply(200, bad)], { validateResponses: 'throw' });
    const error = await things(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsResponseError);
    expect(error).toMatchObject({
      code: 'Client.InvalidResponse',
      message: 'DescribeThings response does not match the spec: Things.Thing[0].ThingId is required',
      requestId: 'REQ-BAD',
    });
  });

  it('fails on an error envelope under 200, so the item paginator does not end silently with no items', async () => {
    const { client } = setup([jsonReply(200, serviceError('InvalidThing.NotFound'))]);
    await expect(things(client)).rejects.toMatchObject({ code: 'InvalidThing.NotFound', httpStatus: 200 });
    const items: unknown[] = [];
    const walk = async () => {
      for await (const item of paginateItems(client, describeThingsAction, { RegionId: 'cn-north' }))
        items.push(item);
    };
    const error = await walk().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsServiceError);
    expect(error).toMatchObject({ code: 'InvalidThing.NotFound', requestId: 'REQ-InvalidThing.NotFound' });
    expect(items).toEqual([]);
  });

  it('passes a valid response under throw', async () => {
    const { client } = setup([jsonReply(200, page)], { validateResponses: 'throw' });
    await expect(things(client)).resolves.toEqual(page);
  });

  it.each<[string, ClientConfig & { method?: 'GET' | 'POST' }]>([
    ['V3 (Authorization header)', {}],
    ['V1 GET (query)', { signatureVersion: 'v1' }],
    ['V1 POST (form body)', { signatureVersion: 'v1', method: 'POST' }],
  ])('scrubs the secret and the signature a server echoes, %s', async (_name, { method, ...config }) => {
    const echo: Reply = async (url, init) => {
      const auth = headersOf(init).authorization ?? '';
      const text = `${url}&${String(init.body ?? '')}`.replace(/\+/g, '%2B');
      const signature =
        /Signature=([0-9a-f]+)/.exec(auth)?.[1] ??
        new URLSearchParams(text.split('?')[1] ?? text).get('Signature');
      return jsonReply(
        400,
        serviceError('SignatureDoesNotMatch', `sig ${signature} key topsecretvalue id AKIDEXAMPLE123`),
      );
    };
    const { client } = setup([echo], config);
    const error = await things(
      client,
      { RegionId: 'cn-north' },
      method === undefined ? {} : { method },
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe('sig *** key *** id AKID***');
  });
});
