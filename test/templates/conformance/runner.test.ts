// The runner: --only (glob or substring), --shard and --no-auth-checks select from the registry's
// order; each check's outcome is recorded in that order, failures with their message; codes seen are
// sorted. The checks run against a scripted server on 127.0.0.1.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { allChecks } from '../../../templates/conformance/registry.ts';
import { type Outcome, type RunOptions, runChecks } from '../../../templates/conformance/runner.ts';
import { errorBody, type FakeServer, json, startFakeServer } from '../../support/fake-server.ts';
import { widgetsFacts, widgetsTarget } from '../../support/widgets-conformance.ts';

const server: FakeServer = await startFakeServer(json(500, errorBody('InternalError')));
afterAll(() => server.close());
beforeEach(() => server.reset());

const base: RunOptions = { seed: 7, authChecks: true };
const ids = allChecks(widgetsFacts).map((c) => c.id);
const run = (options: Partial<RunOptions>, onOutcome?: (o: Outcome) => void) =>
  runChecks(widgetsFacts, widgetsTarget(server.url), { ...base, ...options }, onOutcome);

describe('runChecks, selection', () => {
  it.each<[string, { only: string; want: string[] }]>([
    [
      'a glob anchors at both ends',
      { only: 'protocol.unknown-*', want: ['protocol.unknown-action', 'protocol.unknown-version'] },
    ],
    [
      'a substring matches anywhere, dots literal',
      {
        only: 'PageSize.m',
        want: ['boundary.DescribeThings.PageSize.min-1', 'boundary.DescribeThings.PageSize.max-50'],
      },
    ],
    [
      'a glob in the middle',
      {
        only: '*.RegionId.*',
        want: [
          'boundary.DescribeThings.RegionId.empty',
          'boundary.DescribeThings.RegionId.missing',
          'boundary.CreateThing.RegionId.missing',
        ],
      },
    ],
    ['a dot does not match any character', { only: 'protocolXunknown', want: [] }],
    ['regex characters are literal', { only: 'PageSize.(abc)', want: [] }],
    [
      'several patterns, joined by commas: a check matching any runs, in the suite’s order',
      {
        only: 'PageSize.max,protocol.unknown-a*',
        want: ['protocol.unknown-action', 'boundary.DescribeThings.PageSize.max-50'],
      },
    ],
  ])('--only: %s', async (_name, { only, want }) => {
    const result = await run({ only });
    expect(result.outcomes.map((o) => o.id)).toEqual(want);
  });

  it.each([1, 2, 3])('--shard %i/3 takes every third selected check, from the one at %i', async (index) => {
    const selected = ids.filter((id) => id.startsWith('boundary.DescribeThings.PageSize'));
    expect(selected.length).toBeGreaterThan(6);
    const result = await run({ only: 'boundary.DescribeThings.PageSize.*', shard: { index, count: 3 } });
    expect(result.outcomes.map((o) => o.id)).toEqual(selected.filter((_id, i) => i % 3 === index - 1));
  });

  it('--no-auth-checks leaves the authentication checks out', async () => {
    const result = await run({ only: 'protocol.CreateThing.*', authChecks: false });
    expect(result.outcomes.map((o) => o.id)).toEqual(
      ids.filter((id) => id.startsWith('protocol.CreateThing.') && !/-v[13]$/.test(id)),
    );
  });
});

describe('runChecks, outcomes', () => {
  it('records each outcome in order, tells onOutcome, and collects the codes seen, sorted', async () => {
    server.script(json(400, errorBody('Throttling.User')));
    const told: Outcome[] = [];
    const result = await run({ only: 'protocol.unknown-*' }, (o) => told.push(o));
    expect(told).toEqual(result.outcomes);
    expect(result.outcomes.every((o) => o.failure !== undefined && o.ms >= 0)).toBe(true);
    expect(result.outcomes[0]?.title).toBe(
      allChecks(widgetsFacts).find((c) => c.id === 'protocol.unknown-action')?.title,
    );
    expect(result.outcomes[0]?.failure?.sent).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\//);
    expect(result.outcomes[0]?.failure?.received).toMatch(/^HTTP 400\n/);
    expect(result.codesSeen).toEqual(['InternalError', 'Throttling.User']);
  });

  it('reports an error that is not a check failure by its message', async () => {
    const result = await runChecks(widgetsFacts, widgetsTarget('not a url'), {
      ...base,
      only: 'protocol.unknown-action',
    });
    expect(result.outcomes).toHaveLength(1);
    expect(result.outcomes[0]?.failure?.message).toMatch(/Invalid URL/);
    expect(result.outcomes[0]?.failure).not.toHaveProperty('sent');
  });

  it('records no failure for a check that passes', async () => {
    server.script(json(404, errorBody('InvalidAction.NotFound')));
    const result = await run({ only: 'protocol.unknown-action' });
    expect(result.outcomes).toHaveLength(1);
    expect(result.outcomes[0]).not.toHaveProperty('failure');
    expect(result.codesSeen).toEqual(['InvalidAction.NotFound']);
  });

  it('selects nothing and sends nothing when --only matches no check', async () => {
    const result = await run({ only: 'nothing-matches-this' });
    expect(result).toEqual({ outcomes: [], codesSeen: [] });
    expect(server.requests).toHaveLength(0);
  });
});

describe('runChecks, seeding', () => {
  const queries = async (seed: number) => {
    server.reset();
    server.script(...Array.from({ length: 60 }, () => json(200, { RequestId: 'R' })));
    await run({ only: 'fuzz.DescribeThings', seed });
    return server.requests.map((r) => r.url.search);
  };

  it('sends the same generated requests for the same seed, and others for another', async () => {
    // The scripted server accepts everything, so the oracle fails and fast-check shrinks: the
    // shrinking is seeded too.
    const first = await queries(7);
    expect(first.length).toBeGreaterThan(1);
    expect(await queries(7)).toEqual(first);
    expect(await queries(8)).not.toEqual(first);
  });
});

describe('runChecks, secrets', () => {
  it('hides a signature or token the server echoes back, in the message and the exchange', async () => {
    // A hostile server quoting the request (its Authorization and query) in the Code and Message.
    const echo = (
      req: { url: URL; headers: Record<string, unknown> },
      res: import('node:http').ServerResponse,
    ) => {
      const said = `${String(req.headers.authorization)} ${req.url.search} ${decodeURIComponent(req.url.search)}`;
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ RequestId: 'R', HostId: 'h', Code: said.slice(0, 200), Message: said }));
    };
    server.script(...Array.from({ length: 4 }, () => echo));
    const result = await run({ only: 'protocol.unknown-*,auth.v1.get.valid' });
    const signatures = server.requests.flatMap((r) => [
      /Signature=([0-9a-f]{64})/.exec(String(r.headers.authorization))?.[1],
      r.url.searchParams.get('Signature') ?? undefined,
    ]);
    expect(signatures.filter(Boolean).length).toBeGreaterThan(1);
    const reported = JSON.stringify(result.outcomes);
    expect(reported).toContain('***');
    for (const signature of signatures.filter((s): s is string => s !== undefined)) {
      expect(reported).not.toContain(signature);
      expect(reported).not.toContain(encodeURIComponent(signature));
    }
    expect(reported).not.toContain(widgetsTarget(server.url).accessKeySecret);
  });
});
