// Validation modes: which mode wins (call over client over the older option over the default), and
// what strict, warn and off do to a call that breaks a rule, on requests and responses.
import { describe, expect, it, vi } from 'vitest';
import { type ClientConfig, RpcClient } from '../../../templates/runtime/client.ts';
import { AcsError, AcsResponseError, AcsValidationError } from '../../../templates/runtime/errors.ts';
import { resolveValidation, type ValidationOption } from '../../../templates/runtime/validation-mode.ts';
import { jsonReply, scriptedFetch } from '../../support/scripted-fetch.ts';
import { describeThingsAction, widgetsService } from '../../support/widgets-service.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE123', accessKeySecret: 'topsecretvalue' };
const page = { RequestId: 'REQ-OK', TotalCount: 1, Things: { Thing: [{ ThingId: 't-1' }] } };
const bad = { RequestId: 'REQ-BAD', TotalCount: 1, Things: { Thing: [{ Size: 1 }] } };

function setup(reply: Response, config: ClientConfig = {}) {
  const f = scriptedFetch(reply);
  const warn = vi.fn();
  const client = new RpcClient(widgetsService, {
    credentials,
    fetch: f.fetch,
    retry: false,
    logger: { warn },
    ...config,
  });
  return { client, sent: f.sent, warn };
}

describe('resolveValidation', () => {
  it.each<
    [
      string,
      { client?: ValidationOption; call?: ValidationOption; legacy?: 'off' | 'warn' | 'throw'; want: object },
    ]
  >([
    ['the defaults: requests strict, responses off', { want: { request: 'strict', response: 'off' } }],
    ['one mode for both', { client: 'warn', want: { request: 'warn', response: 'warn' } }],
    ['each side its own', { client: { request: 'off' }, want: { request: 'off', response: 'off' } }],
    [
      'the call over the client',
      { client: 'off', call: { request: 'strict' }, want: { request: 'strict', response: 'off' } },
    ],
    ['the older validateResponses', { legacy: 'throw', want: { request: 'strict', response: 'strict' } }],
    [
      'validation over validateResponses',
      { legacy: 'throw', client: { response: 'warn' }, want: { request: 'strict', response: 'warn' } },
    ],
  ])('%s', (_name, { client, call, legacy, want }) => {
    expect(resolveValidation(client, call, legacy)).toEqual(want);
  });

  it('refuses an unknown mode with a typed error naming where', () => {
    const act = () => new RpcClient(widgetsService, { validation: { request: 'lenient' as 'off' } });
    expect(act).toThrow(AcsError);
    expect(act).toThrow(
      `The client request validation mode must be 'strict', 'warn' or 'off', not "lenient".`,
    );
  });
});

describe('request validation', () => {
  const overLimit = { RegionId: 'cn-north', PageSize: 99 };

  it('strict (the default) refuses before sending', async () => {
    const { client, sent } = setup(jsonReply(200, page));
    await expect(client.invoke(describeThingsAction, overLimit)).rejects.toBeInstanceOf(AcsValidationError);
    expect(sent).toHaveLength(0);
  });

  it('warn sends anyway and logs every issue once, naming parameter and rule but not the value', async () => {
    const { client, sent, warn } = setup(jsonReply(200, page), { validation: 'warn' });
    await client.invoke(describeThingsAction, { PageSize: 99, ThingId: ['topsecretvalue'] });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toContain('PageSize=99');
    expect(warn.mock.calls).toEqual([
      [
        "DescribeThings request does not match the spec; sent anyway (validation 'warn'): RegionId is required; PageSize must be <= 50",
      ],
    ]);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('99');
  });

  it('off sends without checking or logging, unknown parameters included', async () => {
    const validate = vi.spyOn(describeThingsAction, 'validateRequest');
    const { client, sent, warn } = setup(jsonReply(200, page), { validation: { request: 'off' } });
    await client.invoke(describeThingsAction, { ...overLimit, NewFilter: 'x' });
    expect(validate).not.toHaveBeenCalled();
    expect(sent[0]?.url).toContain('NewFilter=x');
    expect(warn).not.toHaveBeenCalled();
    validate.mockRestore();
  });

  it('a call may loosen what the client checks, and tighten it back', async () => {
    const { client, sent } = setup(jsonReply(200, page), { validation: 'off' });
    await client.invoke(describeThingsAction, overLimit);
    await expect(
      client.invoke(describeThingsAction, overLimit, { validation: 'strict' }),
    ).rejects.toMatchObject({
      code: 'Client.InvalidParameter',
      message: 'Invalid request: PageSize must be <= 50',
    });
    expect(sent).toHaveLength(1);
  });
});

describe('response validation', () => {
  it('strict fails the call with Client.InvalidResponse', async () => {
    const { client } = setup(jsonReply(200, bad), { validation: { response: 'strict' } });
    const error = await client
      .invoke(describeThingsAction, { RegionId: 'cn-north' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsResponseError);
    expect(error).toMatchObject({ code: 'Client.InvalidResponse', requestId: 'REQ-BAD' });
  });

  it('warn returns the body and logs once', async () => {
    const { client, warn } = setup(jsonReply(200, bad), { validation: 'warn' });
    await expect(client.invoke(describeThingsAction, { RegionId: 'cn-north' })).resolves.toEqual(bad);
    expect(warn.mock.calls).toEqual([
      ['DescribeThings response does not match the spec: Things.Thing[0].ThingId is required'],
    ]);
  });

  it('off (the default) does not load the response validator', async () => {
    const load = vi.spyOn(describeThingsAction, 'loadResponseValidator');
    const { client } = setup(jsonReply(200, bad));
    await expect(client.invoke(describeThingsAction, { RegionId: 'cn-north' })).resolves.toEqual(bad);
    expect(load).not.toHaveBeenCalled();
    load.mockRestore();
  });
});
