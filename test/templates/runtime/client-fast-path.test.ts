// The client's path without middleware (no handler built around each step) against the general one,
// forced by a middleware that only passes through at every step: on fixed-seed random requests,
// configurations and scripted answers (successes, error envelopes, retries, malformed bodies,
// network failures), both send the same requests, end the same way and tell hooks the same facts.
// Likewise a first attempt that succeeds with nobody to tell (the call ends without the attempt
// loop) against the loop itself, forced by a logger with a `debug` that ignores its lines.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ClientConfig, RpcClient } from '../../../templates/runtime/client.ts';
import type { Step } from '../../../templates/runtime/middleware.ts';
import { jsonReply, type Reply, scriptedFetch, serviceError } from '../../support/scripted-fetch.ts';
import { createThingAction, describeThingsAction, widgetsService } from '../../support/widgets-service.ts';

const SEED = { seed: 15_017, numRuns: 120 };
const credentials = { accessKeyId: 'AKIDEXAMPLE123', accessKeySecret: 'topsecretvalue' };
const page = { RequestId: 'REQ-OK', TotalCount: 1, Things: { Thing: [{ ThingId: 't-1', Size: 3 }] } };

const answers: Record<string, () => Reply> = {
  page: () => jsonReply(200, page),
  busy: () => jsonReply(503, serviceError('ServiceUnavailable')),
  refused: () => jsonReply(400, serviceError('InvalidParameter', 'echo topsecretvalue')),
  envelope: () => jsonReply(200, serviceError('Throttling')),
  malformed: () =>
    new Response('{"RequestId": "R', { status: 200, headers: { 'content-type': 'application/json' } }),
  html: () =>
    new Response('<html>bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
  wrongType: () => jsonReply(200, { ...page, TotalCount: 'many' }),
  network: () => new TypeError('fetch failed'),
};

const scenario = fc.record({
  action: fc.constantFrom(describeThingsAction, createThingAction),
  params: fc.record(
    {
      RegionId: fc.constantFrom('cn-north', 'cn-south', ''),
      PageSize: fc.integer({ min: -1, max: 60 }),
      ThingId: fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
      Extra: fc.string({ maxLength: 4 }),
    },
    { requiredKeys: [] },
  ),
  replies: fc.array(fc.constantFrom(...Object.keys(answers)), { minLength: 1, maxLength: 3 }),
  signatureVersion: fc.constantFrom('v1', 'v3') as fc.Arbitrary<'v1' | 'v3'>,
  validation: fc.constantFrom('strict', 'warn', 'off') as fc.Arbitrary<'strict' | 'warn' | 'off'>,
  format: fc.constantFrom('JSON', 'XML') as fc.Arbitrary<'JSON' | 'XML'>,
  hooks: fc.boolean(),
  method: fc.constantFrom(undefined, 'GET', 'POST') as fc.Arbitrary<'GET' | 'POST' | undefined>,
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** One run of a scenario: what was sent, how the call ended, what hooks and the logger saw. */
async function run(s: Scenario, general: boolean, loop = false) {
  let nonce = 0;
  vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(
    () => `00000000-0000-4000-8000-${String(++nonce).padStart(12, '0')}`,
  );
  const f = scriptedFetch(...s.replies.map((name) => answers[name]!()));
  const told: unknown[] = [];
  const config: ClientConfig = {
    credentials,
    fetch: f.fetch,
    now: () => Date.parse('2030-01-01T00:00:00Z'),
    random: () => 0,
    sleep: async () => {},
    signatureVersion: s.signatureVersion,
    validation: s.validation,
    format: s.format,
    logger: { warn: (message) => told.push(['warn', message]), ...(loop ? { debug: () => {} } : {}) },
    ...(s.hooks
      ? {
          hooks: {
            beforeRequest: (info) => void told.push(['before', info]),
            afterResponse: (info) => void told.push(['after', info]),
          },
        }
      : {}),
  };
  const client = new RpcClient(widgetsService, config);
  if (general)
    for (const step of ['initialize', 'serialize', 'build', 'finalize', 'deserialize'] as Step[])
      client.middleware.add((next) => (args) => next(args), { step, name: `pass-${step}` });
  const outcome = await client.invoke(s.action, s.params, s.method ? { method: s.method } : {}).then(
    (value) => ({ value }),
    (error: Error & Record<string, unknown>) => ({
      error: [
        error.constructor.name,
        error.code,
        error.message,
        error.httpStatus,
        error.requestId,
        error.retryable,
      ],
    }),
  );
  vi.restoreAllMocks();
  const sent = f.sent.map(({ url, init }) => ({
    url,
    method: init.method,
    headers: init.headers,
    body: init.body,
  }));
  return { sent, outcome, told };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the client without middleware ≡ with pass-through middleware at every step', () => {
  it('the same requests, outcome, hook payloads and warnings', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        expect(await run(s, false)).toEqual(await run(s, true));
      }),
      SEED,
    );
  });
});

describe('a first success ending the call ≡ the attempt loop', () => {
  it('the same requests, outcome, hook payloads and warnings', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        expect(await run(s, false)).toEqual(await run(s, false, true));
      }),
      SEED,
    );
  });
});
