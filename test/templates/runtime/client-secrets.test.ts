// What a server echoes back never leaves the client: STS credentials and each attempt's signature
// are hidden from every error field, message, cause, stack, JSON and inspection, from hook payloads
// and from log lines, wherever the server put them (envelope, body, headers, XML the reader quotes).
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { type ClientConfig, RpcClient } from '../../../templates/runtime/client.ts';
import { AcsError } from '../../../templates/runtime/errors.ts';
import type { ResponseInfo } from '../../../templates/runtime/hooks.ts';
import { jsonReply, type Reply, scriptedFetch } from '../../support/scripted-fetch.ts';
import { describeThingsAction, widgetsService } from '../../support/widgets-service.ts';

const TOKEN = 'CAIStoken/with+slash=and-plus0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ';
const SECRET = 'topsecretvalue';
const KEY_ID = 'STS.NKeyIdExample';
const credentials = { accessKeyId: KEY_ID, accessKeySecret: SECRET, securityToken: TOKEN };

/** The signature of a request as sent, wherever its version put it. */
function signatureIn(url: string, init: RequestInit): string {
  const auth = (init.headers as Record<string, string>).authorization ?? '';
  const fromHeader = /Signature=([0-9a-f]+)/.exec(auth)?.[1];
  if (fromHeader !== undefined) return fromHeader;
  return new URLSearchParams(url.split('?')[1]?.replace(/\+/g, '%2B') ?? '').get('Signature') ?? '';
}

/** A reply built from what was sent: the signature, and the token and secret the server knows. */
function echo(build: (signature: string, url: string) => Response | Promise<Response>): Reply {
  return async (url, init) => build(signatureIn(url, init), url);
}

/** A client whose fetch records each attempt's signature, so a test can look for any of them. */
function setup(replies: Reply[], config: ClientConfig = {}) {
  const signatures: string[] = [];
  const recording: Reply[] = replies.map((reply) =>
    typeof reply === 'function'
      ? async (url, init) => {
          signatures.push(signatureIn(url, init));
          return reply(url, init);
        }
      : reply,
  );
  const client = new RpcClient(widgetsService, {
    credentials,
    fetch: scriptedFetch(...recording).fetch,
    now: () => Date.parse('2030-01-01T00:00:00Z'),
    random: () => 0,
    sleep: async () => {},
    ...config,
  });
  return Object.assign(client, { signatures });
}
const call = (client: RpcClient, options = {}) =>
  client.invoke(describeThingsAction, { RegionId: 'cn-north' }, options).then(
    () => expect.fail('expected the call to fail'),
    (e: unknown) => e as AcsError,
  );

/** Every way an error is shown: its fields, String(), JSON, Node's inspect (stack and causes). */
function shown(error: unknown): string {
  return [
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    ...Object.values(error as object).map(String),
  ].join('\n');
}

/** No piece of 12 characters or more of any secret or signature (or the whole key id) appears. */
function expectClean(text: string, signatures: readonly string[] = []): void {
  expect(signatures.every((s) => s.length >= 12)).toBe(true);
  for (const secret of [TOKEN, SECRET, ...signatures]) {
    for (let i = 0; i + 12 <= secret.length; i++) expect(text).not.toContain(secret.slice(i, i + 12));
  }
  expect(text).not.toContain(KEY_ID);
}

describe('RpcClient, secrets a server echoes', () => {
  it.each<[string, ClientConfig]>([
    ['V3', {}],
    ['V1 (signature and token in the query)', { signatureVersion: 'v1' }],
  ])(
    'hides them in the request id, host id, code, message and recommend of an envelope, %s',
    async (_n, config) => {
      const client = setup(
        [
          echo((signature) =>
            jsonReply(400, {
              RequestId: `req ${TOKEN}`,
              HostId: `host ${signature}`,
              Code: `Bad.${SECRET}`,
              Message: `echo ${TOKEN} ${signature} ${KEY_ID}`,
              Recommend: `https://r/?t=${encodeURIComponent(TOKEN)}`,
            }),
          ),
        ],
        config,
      );
      const error = await call(client);
      expect(error).toMatchObject({ requestId: 'req ***', hostId: 'host ***', code: 'Bad.***' });
      expect(error.message).toBe('echo *** *** STS.***');
      expectClean(shown(error), client.signatures);
    },
  );

  it('hides a token in a field of the wrong type, which the message used to quote cut at 40 characters', async () => {
    const client = setup([jsonReply(200, { RequestId: 'R', TotalCount: TOKEN })]);
    const error = await call(client);
    expect(error.message).toBe('Response field TotalCount should be an integer, got "***".');
    expectClean(shown(error), client.signatures);
  });

  it('hides a token that straddles the cut of an unreadable body’s snippet', async () => {
    const body = `${'x'.repeat(100)}${TOKEN}`;
    const client = setup([new Response(body, { status: 200, headers: { 'content-type': 'text/html' } })]);
    const error = await call(client);
    expect(error.code).toBe('Client.MalformedResponse');
    expectClean(shown(error), client.signatures);
  });

  it('hides them in the request id header of an unreadable body', async () => {
    const reply = new Response('<html/>', {
      status: 502,
      headers: { 'content-type': 'text/html', 'x-acs-request-id': TOKEN },
    });
    const client = setup([reply], { retry: false });
    const error = await call(client);
    expect(error.requestId).toBe('***');
    expectClean(shown(error), client.signatures);
  });

  it('hides a token the XML reader quotes in its message', async () => {
    const client = setup([
      new Response(`<DescribeThingsResponse><T${TOKEN}/></DescribeThingsResponse>`, {
        headers: { 'content-type': 'text/xml' },
      }),
    ]);
    const error = await call(client);
    expect(error.code).toBe('Client.MalformedResponse');
    expectClean(shown(error), client.signatures);
  });

  it('hides the signed URL a failed fetch quotes in the cause, its stack and its own cause', async () => {
    const client = setup(
      [
        async (url) => {
          throw Object.assign(new TypeError(`fetch failed: ${url}`), {
            cause: Object.assign(new Error(`connect to ${url}`), { code: 'ECONNRESET' }),
          });
        },
      ],
      { signatureVersion: 'v1', retry: false },
    );
    const error = await call(client);
    expect(error).toMatchObject({
      code: 'Client.NetworkError',
      message: 'The connection failed: ECONNRESET.',
    });
    const cause = error.cause as Error & { cause: Error & { code: string } };
    expect(cause).toBeInstanceOf(Error);
    expect(cause.name).toBe('TypeError');
    expect(cause.message).toMatch(/^fetch failed: https:\/\/widgets\.cn-north\.example\.test\/\?/);
    expect(cause.cause.code).toBe('ECONNRESET');
    expectClean(shown(error), client.signatures);
  });

  it('gives the afterResponse hook a scrubbed request id and code, from a success and a failure', async () => {
    const seen: ResponseInfo[] = [];
    const client = setup(
      [
        jsonReply(503, { RequestId: TOKEN, Code: `InternalError${SECRET}`, Message: 'busy' }),
        jsonReply(200, { RequestId: `ok ${TOKEN}`, TotalCount: 0 }),
      ],
      { hooks: { afterResponse: (info) => void seen.push(info) } },
    );
    await expect(client.invoke(describeThingsAction, { RegionId: 'cn-north' })).resolves.toBeDefined();
    expect(seen.map((s) => [s.requestId, s.errorCode])).toEqual([
      ['***', 'InternalError***'],
      ['ok ***', undefined],
    ]);
  });

  it('logs no secret a hook’s own error quotes', async () => {
    const warn = vi.fn();
    const client = setup([jsonReply(200, { RequestId: 'R' })], {
      logger: { warn },
      hooks: {
        afterResponse: () => {
          throw new Error(`hook saw ${TOKEN}`);
        },
      },
    });
    await client.invoke(describeThingsAction, { RegionId: 'cn-north' });
    expect(warn).toHaveBeenCalledWith('A client hook threw; the call goes on.', { error: 'hook saw ***' });
  });

  it('clips a long server message only after scrubbing it', async () => {
    const client = setup([
      jsonReply(400, { RequestId: 'R', Code: 'Bad', Message: `${'m'.repeat(1020)}${TOKEN}` }),
    ]);
    const error = await call(client);
    expect(error.message).toBe(`${'m'.repeat(1020)}***`);
    const longer = await call(
      setup([
        jsonReply(400, {
          RequestId: 'R',
          Code: 'Bad',
          Message: `${'m'.repeat(1010)}${TOKEN}${'n'.repeat(50)}`,
        }),
      ]),
    );
    expect(longer.message).toBe(`${'m'.repeat(1010)}***${'n'.repeat(10)}…`);
    expect(longer.message).toHaveLength(1024);
  });
});

describe('RpcClient, every failure is an AcsError', () => {
  it('wraps a failure that is not one (a response validator that fails to load)', async () => {
    const action = {
      ...describeThingsAction,
      loadResponseValidator: () => Promise.reject(new TypeError(`chunk failed ${TOKEN}`)),
    };
    const client = setup([jsonReply(200, { RequestId: 'R' })], { validateResponses: 'throw' });
    const error = await client.invoke(action, { RegionId: 'cn-north' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsError);
    expect(error).toMatchObject({
      code: 'Client.Unexpected',
      message: 'Unexpected failure: TypeError: chunk failed ***',
      retryable: false,
    });
    expectClean(shown(error), client.signatures);
  });
});
