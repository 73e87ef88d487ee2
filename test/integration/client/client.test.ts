// The generated client against a scripted HTTP server on 127.0.0.1: success in JSON and XML, every
// error class, malformed bodies, validation before sending, timeouts and aborts.
import {
  AcsAbortError,
  AcsResponseError,
  AcsServiceError,
  AcsTimeoutError,
  AcsValidationError,
  EcsClient,
  type EcsClientConfig,
} from '@acs-rpc/ecs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { pagesOf } from '../../support/ecs-pages.ts';
import { errorBody, type FakeServer, json, startFakeServer, text } from '../../support/fake-server.ts';

const credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
const server: FakeServer = await startFakeServer(pagesOf(3));
afterAll(() => server.close());
beforeEach(() => server.reset());

function client(config: EcsClientConfig = {}): EcsClient {
  return new EcsClient({ endpoint: server.url, credentials, retry: false, ...config });
}

const xmlBody = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><DescribeInstanceStatusResponse><RequestId>R</RequestId><TotalCount>2</TotalCount><PageNumber>1</PageNumber><PageSize>10</PageSize><InstanceStatuses>${items}</InstanceStatuses></DescribeInstanceStatusResponse>`;
const item = (id: string) =>
  `<InstanceStatus><InstanceId>${id}</InstanceId><Status>Running</Status></InstanceStatus>`;

describe('success', () => {
  it('returns the typed JSON body with PascalCase names', async () => {
    const page = await client().describeInstanceStatus({ RegionId: 'cn-hangzhou' });
    expect(page).toEqual({
      RequestId: 'R-1',
      TotalCount: 3,
      PageNumber: 1,
      PageSize: 10,
      InstanceStatuses: {
        InstanceStatus: [
          { InstanceId: 'i-0001', Status: 'Pending' },
          { InstanceId: 'i-0002', Status: 'Running' },
          { InstanceId: 'i-0003', Status: 'Starting' },
        ],
      },
    });
    const sent = server.requests[0]!;
    expect(sent.method).toBe('GET');
    expect(sent.headers['x-acs-action']).toBe('DescribeInstanceStatus');
    expect(sent.headers['x-acs-version']).toBe('2014-05-26');
    expect(sent.headers.authorization).toMatch(
      /^ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;/,
    );
    expect(sent.url.searchParams.get('RegionId')).toBe('cn-hangzhou');
  });

  it.each([
    ['no items', '', []],
    ['one item', item('i-1'), ['i-1']],
    ['many items', item('i-1') + item('i-2'), ['i-1', 'i-2']],
  ])('reads XML with %s into the same shape as JSON', async (_name, items, ids) => {
    server.script(text(200, 'text/xml;charset=UTF-8', xmlBody(items)));
    const page = await client({ format: 'XML' }).describeInstanceStatus({ RegionId: 'cn-hangzhou' });
    expect(page.TotalCount).toBe(2);
    expect(page.InstanceStatuses.InstanceStatus.map((s) => s.InstanceId)).toEqual(ids);
    expect(server.requests[0]!.headers.accept).toBe('application/xml');
  });

  it('sends V1 (HMAC-SHA1) with every parameter in the query, repeat lists flattened', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `i-${i + 1}`);
    await client({ signatureVersion: 'v1' }).describeInstanceStatus({
      RegionId: 'cn-hangzhou',
      InstanceId: ids,
    });
    const query = server.requests[0]!.url.searchParams;
    expect(query.get('SignatureMethod')).toBe('HMAC-SHA1');
    expect(query.get('Action')).toBe('DescribeInstanceStatus');
    expect(query.get('InstanceId.12')).toBe('i-12');
    expect(query.get('Signature')).toMatch(/^[A-Za-z0-9+/]{27}=$/);
  });

  it('sends POST as a form body when asked', async () => {
    await client().describeInstanceStatus({ RegionId: 'cn-hangzhou', ZoneId: 'a b*' }, { method: 'POST' });
    const sent = server.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent.body).toBe('RegionId=cn-hangzhou&ZoneId=a%20b%2A');
  });
});

describe('errors', () => {
  it.each([
    ['JSON', json(404, errorBody('InvalidRegionId.NotFound', 'The specified RegionId does not exist.'))],
    [
      'XML',
      text(
        404,
        'text/xml',
        '<?xml version="1.0"?><Error><RequestId>REQ-InvalidRegionId.NotFound</RequestId><HostId>ecs.aliyuncs.com</HostId><Code>InvalidRegionId.NotFound</Code><Message>The specified RegionId does not exist.</Message><Recommend>https://example.invalid/r</Recommend></Error>',
      ),
    ],
  ])('turns a %s error envelope into AcsServiceError with every field', async (_format, handler) => {
    server.script(handler);
    const error = await client()
      .describeInstanceStatus({ RegionId: 'xx-nowhere' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsServiceError);
    const e = error as AcsServiceError;
    expect(e.code === 'InvalidRegionId.NotFound').toBe(true);
    expect(e).toMatchObject({
      message: 'The specified RegionId does not exist.',
      httpStatus: 404,
      requestId: 'REQ-InvalidRegionId.NotFound',
      hostId: 'ecs.aliyuncs.com',
      recommend: 'https://example.invalid/r',
      retryable: false,
    });
  });

  it('marks the spec’s retryable codes retryable', async () => {
    server.script(json(400, errorBody('Throttling.User')));
    const e = (await client()
      .describeInstanceStatus({ RegionId: 'cn-hangzhou' })
      .catch((x: unknown) => x)) as AcsServiceError;
    expect([e.code, e.httpStatus, e.retryable]).toEqual(['Throttling.User', 400, true]);
  });

  it.each([
    [
      'an HTML error page',
      text(502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>'),
      502,
      true,
    ],
    ['truncated JSON', text(200, 'application/json', '{"RequestId":"R","TotalCount":'), 200, false],
    ['an empty 502', text(502, undefined, ''), 502, true],
    ['a wrong content type', text(200, 'image/png', 'PNG'), 200, false],
    ['JSON that is not an object', text(200, 'application/json', '[1,2]'), 200, false],
    ['a number where an integer belongs', json(200, { RequestId: 'R', TotalCount: 'many' }), 200, false],
  ])('turns %s into AcsResponseError, never a SyntaxError', async (_name, handler, status, retryable) => {
    server.script(handler);
    const error = await client()
      .describeInstanceStatus({ RegionId: 'cn-hangzhou' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsResponseError);
    expect(error).toMatchObject({ code: 'Client.MalformedResponse', retryable });
    expect((error as AcsResponseError).httpStatus).toBe(status);
  });

  it('refuses a bad call before anything is sent, naming every parameter', async () => {
    const error = await client()
      .describeInstanceStatus({ RegionId: 'cn-hangzhou', PageSize: 51, PageNumber: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsValidationError);
    expect((error as AcsValidationError).issues).toEqual([
      { path: 'PageNumber', message: 'must be >= 1' },
      { path: 'PageSize', message: 'must be <= 50' },
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it('can check responses against the spec', async () => {
    server.script(
      json(200, {
        RequestId: 'R',
        TotalCount: 1,
        PageNumber: 1,
        PageSize: 10,
        InstanceStatuses: { InstanceStatus: [{ InstanceId: 'i', Status: 'Exploded' }] },
      }),
    );
    const error = await client({ validateResponses: 'throw' })
      .describeInstanceStatus({ RegionId: 'cn-hangzhou' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'Client.InvalidResponse' });
    expect((error as Error).message).toContain('InstanceStatuses.InstanceStatus[0].Status must be one of');
  });
});

describe('timeouts and cancellation', () => {
  /** A handler that holds the request unanswered until released; `arrived` fires once it is in. */
  function holding(arrived: () => void) {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.script(async (_req, res) => {
      arrived();
      await released;
      res.destroy();
    });
    return release;
  }

  it('times out an attempt that never completes', async () => {
    // A fetch that answers only its abort: the per-attempt timeout is the one way out.
    const never = (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
      });
    const error = await client({ timeoutMs: 1, retry: false, fetch: never })
      .describeInstanceStatus({ RegionId: 'cn-hangzhou' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsTimeoutError);
    expect(error).toMatchObject({ code: 'Client.Timeout', retryable: true });
  });

  it('sends nothing when the signal is already aborted', async () => {
    const error = await client()
      .describeInstanceStatus({ RegionId: 'cn-hangzhou' }, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsAbortError);
    expect(server.requests).toHaveLength(0);
  });

  it('stops waiting when aborted during the call', async () => {
    const controller = new AbortController();
    const release = holding(() => controller.abort());
    const error = await client()
      .describeInstanceStatus({ RegionId: 'cn-hangzhou' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    release();
    expect(error).toBeInstanceOf(AcsAbortError);
    expect(server.requests).toHaveLength(1);
  });
});
