// assumeRoleProvider with the STS call stubbed: the parameters it sends (options, then the variables
// the official tools read), refresh before Expiration, and typed errors that name the role, never a
// secret. The same provider against the reference server, through the generated STS client, is in
// test/integration/client/assume-role.test.ts.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  type AssumeRoleParams,
  assumeRoleProvider,
} from '../../../templates/runtime/credentials-assume-role.ts';
import { AcsCredentialsError, AcsServiceError } from '../../../templates/runtime/errors.ts';

const ARN = 'acs:ram::1234567890:role/ops';
const NOW = Date.UTC(2026, 11, 6, 10);
const answer = (n: number, expiration = '2026-12-06T11:00:00Z') => ({
  RequestId: `R${n}`,
  Credentials: {
    AccessKeyId: `STS.role-${n}`,
    AccessKeySecret: `role-secret-${n}`,
    SecurityToken: `role-token-${n}`,
    Expiration: expiration,
  },
});

function stub(reply: (n: number) => unknown = answer) {
  const sent: AssumeRoleParams[] = [];
  const call = async (params: AssumeRoleParams) => {
    sent.push(params);
    return reply(sent.length) as never;
  };
  return { sent, call };
}

describe('assumeRoleProvider: what it asks for', () => {
  it('sends the options as the action’s parameters, 3600 s by default', async () => {
    const s = stub();
    const provider = assumeRoleProvider({
      call: s.call,
      roleArn: ARN,
      roleSessionName: 'deploy',
      policy: '{"Version":"1"}',
      externalId: 'ext-1',
      env: {},
      now: () => NOW,
    });
    expect(await provider()).toEqual({
      accessKeyId: 'STS.role-1',
      accessKeySecret: 'role-secret-1',
      securityToken: 'role-token-1',
    });
    expect(s.sent).toEqual([
      {
        RoleArn: ARN,
        RoleSessionName: 'deploy',
        DurationSeconds: 3600,
        Policy: '{"Version":"1"}',
        ExternalId: 'ext-1',
      },
    ]);
  });

  it('takes the role and session name from ALIBABA_CLOUD_ROLE_ARN and ALIBABA_CLOUD_ROLE_SESSION_NAME', async () => {
    const s = stub();
    const env = { ALIBABA_CLOUD_ROLE_ARN: ARN, ALIBABA_CLOUD_ROLE_SESSION_NAME: 'from-env' };
    await assumeRoleProvider({ call: s.call, env, now: () => NOW })();
    expect(s.sent[0]).toEqual({ RoleArn: ARN, RoleSessionName: 'from-env', DurationSeconds: 3600 });
  });

  it('names the session after the time when nothing names it', async () => {
    const s = stub();
    await assumeRoleProvider({ call: s.call, roleArn: ARN, env: {}, now: () => NOW })();
    expect(s.sent[0]?.RoleSessionName).toBe(`acs-rpc-${NOW}`);
  });

  it.each<[string, object, string]>([
    ['no role', {}, 'No role to assume: give roleArn or set ALIBABA_CLOUD_ROLE_ARN.'],
    [
      'a short duration',
      { roleArn: ARN, durationSeconds: 899 },
      'durationSeconds must be a whole number of seconds, at least 900.',
    ],
    [
      'a fractional duration',
      { roleArn: ARN, durationSeconds: 1000.5 },
      'durationSeconds must be a whole number of seconds, at least 900.',
    ],
  ])('refuses %s at once', (_n, options, message) => {
    expect(() => assumeRoleProvider({ call: stub().call, env: {}, ...options })).toThrow(
      expect.objectContaining({ code: 'Client.InvalidCredentials', message }),
    );
  });
});

describe('assumeRoleProvider: refresh', () => {
  it('keeps the credentials, then assumes the role again before Expiration', async () => {
    let t = NOW;
    const s = stub();
    const provider = assumeRoleProvider({ call: s.call, roleArn: ARN, env: {}, now: () => t });
    await provider();
    t = NOW + 30 * 60_000;
    expect((await provider()).accessKeyId).toBe('STS.role-1');
    expect(s.sent).toHaveLength(1);
    t = Date.UTC(2026, 11, 6, 10, 58); // two minutes left: past the margin
    expect((await provider()).accessKeyId).toBe('STS.role-2');
    expect(s.sent).toHaveLength(2);
  });
});

describe('assumeRoleProvider: errors', () => {
  const failure = (p: () => Promise<unknown>) =>
    p().then(
      () => expect.fail('expected a failure'),
      (e: unknown) => e as AcsCredentialsError,
    );

  it('turns the STS error into a credentials error naming the role, its code and request id', async () => {
    const sts = new AcsServiceError({
      code: 'NoPermission',
      message: 'not allowed',
      httpStatus: 403,
      requestId: 'R-9',
    });
    const provider = assumeRoleProvider({
      call: async () => {
        throw sts;
      },
      roleArn: ARN,
      env: {},
    });
    const error = await failure(provider);
    expect(error).toBeInstanceOf(AcsCredentialsError);
    expect(error).toMatchObject({
      code: 'Client.AssumeRoleFailed',
      message: `Assuming role ${ARN} failed (NoPermission).`,
      requestId: 'R-9',
      retryable: false,
    });
    expect(error.cause).toBe(sts);
  });

  it.each<[string, unknown, string]>([
    [
      'no Credentials',
      { RequestId: 'R' },
      `No AccessKeyId, AccessKeySecret or SecurityToken in the credentials of role ${ARN}.`,
    ],
    [
      'no token',
      { Credentials: { ...answer(1).Credentials, SecurityToken: undefined } },
      `No AccessKeyId, AccessKeySecret or SecurityToken in the credentials of role ${ARN}.`,
    ],
    ['a bad Expiration', answer(1, 'tomorrow'), `No valid Expiration in the credentials of role ${ARN}.`],
    [
      'nothing',
      undefined,
      `No AccessKeyId, AccessKeySecret or SecurityToken in the credentials of role ${ARN}.`,
    ],
  ])('refuses an answer with %s, quoting none of it', async (_n, reply, message) => {
    const error = await failure(assumeRoleProvider({ call: stub(() => reply).call, roleArn: ARN, env: {} }));
    expect(error).toMatchObject({ code: 'Client.AssumeRoleFailed', message });
    const shown = [error.message, JSON.stringify(error), inspect(error)].join('\n');
    expect(shown).not.toMatch(/role-secret|role-token/);
  });
});
