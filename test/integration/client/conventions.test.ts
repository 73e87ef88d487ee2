// The generated client's AWS-SDK-style conventions against the reference server (which verifies
// both signatures) and a scripted one: middleware whose header is signed and accepted, validation
// modes, the user agent, debug lines, and the error guards narrowing at run time and in types.
import {
  AcsServiceError,
  AcsValidationError,
  type DescribeInstanceStatusErrorCode,
  EcsClient,
  type EcsClientConfig,
  type EcsErrorCode,
  isDescribeInstanceStatusError,
  isEcsError,
  isRunInstancesError,
} from '@acs-rpc/ecs';
import { isVpcError } from '@acs-rpc/vpc';
import { afterAll, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { pagesOf } from '../../support/ecs-pages.ts';
import { startEcsServer } from '../../support/ecs-server.ts';
import { errorBody, type FakeServer, json, startFakeServer } from '../../support/fake-server.ts';

const credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
const reference = await startEcsServer({ credentials: [credentials] });
const fake: FakeServer = await startFakeServer(pagesOf(2));
afterAll(async () => {
  await reference.close();
  await fake.close();
});
const region = { RegionId: 'cn-hangzhou' };

function client(config: EcsClientConfig = {}, endpoint = reference.url): EcsClient {
  return new EcsClient({ endpoint, credentials, retry: false, ...config });
}

describe.each(['v3', 'v1'] as const)('against the reference server, signature %s', (signatureVersion) => {
  it('accepts a header a build middleware adds (signed under V3), with the user agent', async () => {
    const ecs = client({ signatureVersion, userAgent: 'conventions-test/1.0' });
    ecs.middleware.add(
      (next) => (args) =>
        next({
          ...args,
          request: { ...args.request, headers: [...(args.request.headers ?? []), ['x-acs-trace-id', 't-1']] },
        }),
      { step: 'build', name: 'trace' },
    );
    const page = await ecs.describeInstanceStatus(region);
    expect(page.RequestId).toEqual(expect.any(String));
  });

  it('accepts the x-acs-user-agent a browser sends (signed under V3, beside the V1 signature)', async () => {
    // The runtime is read when the client is made: a browser's globals for that moment only.
    vi.stubGlobal('process', undefined);
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Chrome/131' });
    const ecs = client({ signatureVersion, userAgent: 'page/1' });
    vi.unstubAllGlobals();
    const seen: Record<string, string>[] = [];
    ecs.middleware.add(
      (next) => (args) => {
        seen.push({ ...args.request.headers });
        return next(args);
      },
      { step: 'finalize', name: 'look' },
    );
    await expect(ecs.describeInstanceStatus(region)).resolves.toMatchObject({
      RequestId: expect.any(String),
    });
    expect(seen[0]?.['x-acs-user-agent']).toMatch(/^acs-rpc-kit\/\S+ acs-rpc-ecs\/\S+ browser page\/1$/);
    expect(seen[0]?.['user-agent']).toBeUndefined();
  });

  it('with validation "warn", sends an over-limit PageSize, logs it once, and the server refuses it', async () => {
    const warn = vi.fn();
    const over = { ...region, PageSize: 51 };
    await expect(client({ signatureVersion }).describeInstanceStatus(over)).rejects.toBeInstanceOf(
      AcsValidationError,
    );
    const error = await client({ signatureVersion, validation: 'warn', logger: { warn } })
      .describeInstanceStatus(over)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsServiceError);
    expect(isEcsError(error, 'InvalidParameter')).toBe(true);
    expect(warn.mock.calls).toEqual([
      [
        expect.stringMatching(
          /^DescribeInstanceStatus request does not match the spec; sent anyway \(validation 'warn'\): PageSize must be <= 50$/,
        ),
      ],
    ]);
  });
});

describe('a finalize middleware changes the signed request', () => {
  it('and the reference server refuses it: such a change must be made in build, before signing', async () => {
    const ecs = client();
    ecs.middleware.add(
      (next) => (args) =>
        next({
          ...args,
          request: {
            ...args.request,
            headers: { ...args.request.headers, 'x-acs-action': 'DescribeRegions' },
          },
        }),
      { step: 'finalize', name: 'too-late' },
    );
    const error = await ecs.describeInstanceStatus(region).catch((e: unknown) => e);
    expect(isEcsError(error)).toBe(true);
    expect((error as AcsServiceError).code).toMatch(/Signature/);
  });
});

describe('what every request carries', () => {
  it('a user agent naming the toolkit, the package, Node and the suffix', async () => {
    fake.reset();
    await client({ userAgent: 'my-app/2.1' }, fake.url).describeInstanceStatus(region);
    expect(fake.requests[0]?.headers['user-agent']).toMatch(
      new RegExp(
        `^acs-rpc-kit/\\d+\\.\\d+\\.\\d+ acs-rpc-ecs/\\d+\\.\\d+\\.\\d+ node/${process.versions.node} my-app/2\\.1$`,
      ),
    );
  });

  it('a debug line per attempt when the logger has debug', async () => {
    const debug = vi.fn();
    fake.reset();
    fake.script(json(503, errorBody('ServiceUnavailable')));
    const ecs = client(
      { retry: { maxAttempts: 2, baseDelayMs: 1 }, logger: { warn: () => {}, debug } },
      fake.url,
    );
    await ecs.describeInstanceStatus(region);
    expect(debug.mock.calls.map((c) => String(c[0]).replace(/\d+ ms/, 'N ms'))).toEqual([
      'DescribeInstanceStatus attempt 1: HTTP 503, ServiceUnavailable, RequestId REQ-ServiceUnavailable, N ms, retrying',
      expect.stringMatching(/^DescribeInstanceStatus attempt 2: HTTP 200, RequestId \S+, N ms$/),
    ]);
  });
});

describe('error guards', () => {
  const failWith = async (code: string) => {
    fake.reset();
    fake.script(json(404, errorBody(code)));
    return client({}, fake.url)
      .describeInstanceStatus(region)
      .catch((e: unknown) => e);
  };

  it('narrow at run time by product, action and code', async () => {
    const error = await failWith('InvalidRegionId.NotFound');
    expect(isEcsError(error)).toBe(true);
    expect(isEcsError(error, 'InvalidRegionId.NotFound')).toBe(true);
    expect(isEcsError(error, 'Throttling')).toBe(false);
    expect(isDescribeInstanceStatusError(error, 'InvalidRegionId.NotFound')).toBe(true);
    expect(isRunInstancesError(error)).toBe(false);
    expect(isVpcError(error)).toBe(false);
  });

  it('keep undocumented codes under the product guard', async () => {
    expect(isEcsError(await failWith('Brand.NewCode'))).toBe(true);
  });

  it('narrow the type of code (checked by npm run typecheck)', async () => {
    const e: unknown = await failWith('InvalidRegionId.NotFound');
    if (isEcsError(e)) expectTypeOf<EcsErrorCode>().toExtend<typeof e.code>();
    if (isEcsError(e, 'InvalidRegionId.NotFound'))
      expectTypeOf(e.code).toEqualTypeOf<'InvalidRegionId.NotFound'>();
    if (isDescribeInstanceStatusError(e))
      expectTypeOf<DescribeInstanceStatusErrorCode>().toExtend<typeof e.code>();
    // @ts-expect-error: not a code of the product
    isEcsError(e, 'NoSuch.Code');
  });
});
