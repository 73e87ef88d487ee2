// The secret, the signature and the security token never appear in anything a user can observe:
// errors (message, String, JSON), hook payloads, logger output — across success and every failure.
import { EcsClient, type EcsClientConfig, type RequestInfo, type ResponseInfo } from '@acs-rpc/ecs';
import { afterAll, describe, expect, it } from 'vitest';
import { pagesOf } from '../../support/ecs-pages.ts';
import {
  errorBody,
  type FakeServer,
  type Handler,
  json,
  reset,
  startFakeServer,
  text,
} from '../../support/fake-server.ts';

const SECRET = 'sEcReT-9f8e7d6c5b4a';
const TOKEN = 'STS.token-CAIS1234567890abcdef';
const server: FakeServer = await startFakeServer(pagesOf(2));
afterAll(() => server.close());

/** A server that echoes what it got back into an error, as a careless gateway might. */
const echo: Handler = (req, res) => {
  res.writeHead(400, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      ...errorBody('SignatureDoesNotMatch'),
      Message: `Bad: ${req.url.search} ${req.headers.authorization} ${req.body}`,
    }),
  );
};

const scenarios: [string, Handler[]][] = [
  ['success', []],
  ['a service error', [json(404, errorBody('InvalidRegionId.NotFound'))]],
  ['an echoing error', [echo]],
  ['an HTML page', [text(502, 'text/html', '<html>bad gateway</html>')]],
  ['a reset', [reset]],
  ['truncated JSON', [text(200, 'application/json', '{"Request')]],
];

describe.each(['v3', 'v1'] as const)('signature %s', (signatureVersion) => {
  it.each(scenarios)('leaks nothing on %s (GET and POST)', async (_name, handlers) => {
    for (const method of ['GET', 'POST'] as const) {
      server.reset();
      server.script(...handlers);
      const seen: unknown[] = [];
      const config: EcsClientConfig = {
        endpoint: server.url,
        credentials: { accessKeyId: 'LTAI5tExampleKeyId', accessKeySecret: SECRET, securityToken: TOKEN },
        signatureVersion,
        retry: false,
        hooks: {
          beforeRequest: (info: RequestInfo) => void seen.push(info),
          afterResponse: (info: ResponseInfo) => void seen.push(info),
        },
        logger: { warn: (...args: unknown[]) => void seen.push(args) },
      };
      const outcome = await new EcsClient(config)
        .describeInstanceStatus({ RegionId: 'cn-hangzhou', InstanceId: ['i-1'] }, { method })
        .catch((e: unknown) => e);
      const observable = [
        JSON.stringify(seen),
        outcome instanceof Error
          ? [outcome.message, String(outcome), JSON.stringify(outcome), outcome.stack].join('\n')
          : '',
      ].join('\n');
      const signatures = server.requests.flatMap((r) => [
        r.url.searchParams.get('Signature'),
        new URLSearchParams(r.body).get('Signature'),
        /Signature=([0-9a-f]+)/.exec(r.headers.authorization ?? '')?.[1],
      ]);
      for (const secret of [
        SECRET,
        TOKEN,
        encodeURIComponent(TOKEN),
        ...signatures.filter((s): s is string => !!s),
      ]) {
        expect(observable).not.toContain(secret);
      }
      expect(observable).not.toContain('LTAI5tExampleKeyId');
      expect(seen.length).toBeGreaterThan(0);
    }
  });
});
