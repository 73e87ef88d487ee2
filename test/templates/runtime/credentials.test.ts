// Credentials: explicit, provider, environment, the aliyun CLI profile file; clear errors that name
// every place looked and never a value.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CredentialsProvider,
  redactCredentials,
  resolveCredentialsProvider,
} from '../../../templates/runtime/credentials.ts';
import { AcsCredentialsError } from '../../../templates/runtime/errors.ts';
import { startMetadataServer } from '../../support/metadata-server.ts';

const dir = await mkdtemp(join(tmpdir(), 'acs-cred-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

const SECRETS = ['default-secret', 'work-secret', 'work-token', 'role-secret', 'env-secret', 'env-token'];
const config = join(dir, 'config.json');
await writeFile(
  config,
  JSON.stringify({
    current: 'work',
    profiles: [
      { name: 'default', mode: 'AK', access_key_id: 'default-id', access_key_secret: 'default-secret' },
      {
        name: 'work',
        mode: 'StsToken',
        access_key_id: 'work-id',
        access_key_secret: 'work-secret',
        sts_token: 'work-token',
        region_id: 'cn-hangzhou',
      },
      { name: 'role', mode: 'RamRoleArn', access_key_id: 'role-id', access_key_secret: 'role-secret' },
      { name: 'half', mode: 'AK', access_key_id: 'half-id' },
    ],
  }),
);
const broken = join(dir, 'broken.json');
await writeFile(broken, '{"profiles": [{"access_key_secret": "default-secret"');
const missing = join(dir, 'missing.json');
/** No credential variables; HOME points at the temp dir so the real ~/.aliyun and ~/.alibabacloud are
 * never read, and the metadata service is not asked (its own tests are in credentials-instance-role). */
const noEnv = { HOME: dir, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' };
const ini = join(dir, '.alibabacloud', 'credentials');
const iniTail = (profile: string) =>
  `; profile "${profile}" of ${ini} (no such file); the instance metadata service (ALIBABA_CLOUD_ECS_METADATA_DISABLED).`;

const failure = (provider: CredentialsProvider) =>
  provider().then(
    () => expect.fail('expected the provider to throw'),
    (e: unknown) => e as AcsCredentialsError,
  );

describe('explicit credentials and providers', () => {
  it('uses explicit keys as given', async () => {
    expect(await resolveCredentialsProvider({ accessKeyId: 'a', accessKeySecret: 'b' })()).toEqual({
      accessKeyId: 'a',
      accessKeySecret: 'b',
      securityToken: undefined,
    });
  });

  it('calls a provider function before every request, so refreshed tokens are used', async () => {
    let n = 0;
    const provider = resolveCredentialsProvider(async () => ({
      accessKeyId: `id${++n}`,
      accessKeySecret: 's',
      securityToken: `t${n}`,
    }));
    expect((await provider()).securityToken).toBe('t1');
    expect((await provider()).securityToken).toBe('t2');
  });

  it.each([
    ['null', null, 'No AccessKeyId in the credentials provider.'],
    ['no key id', { accessKeySecret: 'work-secret' }, 'No AccessKeyId in the credentials provider.'],
    [
      'an empty key id',
      { accessKeyId: '', accessKeySecret: 'work-secret' },
      'No AccessKeyId in the credentials provider.',
    ],
    [
      'a key id that is not a string',
      { accessKeyId: 7, accessKeySecret: 'work-secret' },
      'No AccessKeyId in the credentials provider.',
    ],
    ['no secret', { accessKeyId: 'id' }, 'No AccessKeySecret in the credentials provider.'],
    [
      'an empty secret',
      { accessKeyId: 'id', accessKeySecret: '' },
      'No AccessKeySecret in the credentials provider.',
    ],
    [
      'a token that is not a string',
      { accessKeyId: 'id', accessKeySecret: 'work-secret', securityToken: 42 },
      'The SecurityToken in the credentials provider is not a string.',
    ],
  ])('refuses a provider result with %s', async (_name, result, message) => {
    const error = await failure(resolveCredentialsProvider(async () => result as never));
    expect(error).toBeInstanceOf(AcsCredentialsError);
    expect(error).toMatchObject({ code: 'Client.InvalidCredentials', message });
  });

  it.each<[string, unknown, string]>([
    ['an Error', new TypeError('STS endpoint said no'), 'The credentials provider failed (TypeError).'],
    ['a string', 'no', 'The credentials provider failed (string).'],
  ])(
    'turns a provider that throws %s into an AcsCredentialsError keeping it as the cause',
    async (_n, thrown, message) => {
      const error = await failure(
        resolveCredentialsProvider(async () => {
          throw thrown;
        }),
      );
      expect(error).toBeInstanceOf(AcsCredentialsError);
      expect(error).toMatchObject({ code: 'Client.CredentialsProviderFailed', message, retryable: false });
      expect(error.cause).toBe(thrown);
    },
  );

  it('lets an AcsError from a provider through as it is', async () => {
    const thrown = new AcsCredentialsError({ code: 'Client.NoCredentials', message: 'none' });
    await expect(
      failure(
        resolveCredentialsProvider(async () => {
          throw thrown;
        }),
      ),
    ).resolves.toBe(thrown);
  });

  it.each([
    ['null', null],
    ['empty', ''],
  ])('accepts a %s token as no token', async (_name, securityToken) => {
    const provider = resolveCredentialsProvider(
      async () => ({ accessKeyId: 'id', accessKeySecret: 'work-secret', securityToken }) as never,
    );
    expect((await provider()).securityToken).toBeUndefined();
  });

  it('refuses incomplete explicit keys at once, naming the option', () => {
    expect(() => resolveCredentialsProvider({ accessKeyId: 'a', accessKeySecret: '' })).toThrow(
      'No AccessKeySecret in the credentials option.',
    );
  });

  it('returns credentials whose JSON and console.log show no secret or token', async () => {
    const creds = await resolveCredentialsProvider({
      accessKeyId: 'LTAI5tExample',
      accessKeySecret: 'work-secret',
      securityToken: 'work-token',
    })();
    expect(creds.accessKeySecret).toBe('work-secret');
    expect(JSON.parse(JSON.stringify(creds))).toEqual({
      accessKeyId: 'LTAI***',
      accessKeySecret: '***',
      securityToken: '***',
    });
    expect(inspect(creds)).not.toMatch(/work-secret|work-token/);
    expect(String(creds)).not.toMatch(/work-secret|work-token/);
    expect({ ...creds }).toEqual({
      accessKeyId: 'LTAI5tExample',
      accessKeySecret: 'work-secret',
      securityToken: 'work-token',
    });
  });

  it('redactCredentials keeps four characters of the key id and nothing else', () => {
    expect(redactCredentials({ accessKeyId: 'STS.NTxyz', accessKeySecret: 's' })).toEqual({
      accessKeyId: 'STS.***',
      accessKeySecret: '***',
    });
  });
});

describe('the default chain', () => {
  it('reads the environment first, with the optional STS token', async () => {
    const env = {
      ...noEnv,
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret',
      ALIBABA_CLOUD_SECURITY_TOKEN: 'env-token',
    };
    expect(await resolveCredentialsProvider(undefined, { env, configFile: config })()).toEqual({
      accessKeyId: 'env-id',
      accessKeySecret: 'env-secret',
      securityToken: 'env-token',
    });
  });

  it('reads process.env when no env is given', async () => {
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', 'env-id');
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'env-secret');
    vi.stubEnv('ALIBABA_CLOUD_SECURITY_TOKEN', '');
    expect(await resolveCredentialsProvider(undefined)()).toEqual({
      accessKeyId: 'env-id',
      accessKeySecret: 'env-secret',
      securityToken: undefined,
    });
  });

  it('does not crash where there is no `process` (browsers, edge runtimes)', async () => {
    // Nothing listens at the metadata endpoint given: off an instance, as here.
    const gone = await startMetadataServer();
    await gone.close();
    const provider = resolveCredentialsProvider(undefined, {
      configFile: missing,
      credentialsFile: missing,
      metadata: { endpoint: gone.url },
    });
    vi.stubGlobal('process', undefined);
    // The environment is read synchronously, on the call; the file is read after.
    const pending = provider();
    vi.unstubAllGlobals();
    await expect(pending).rejects.toMatchObject({ code: 'Client.NoCredentials' });
  });

  it('treats empty variables as unset and goes on to the profile file', async () => {
    const env = { ...noEnv, ALIBABA_CLOUD_ACCESS_KEY_ID: '', ALIBABA_CLOUD_ACCESS_KEY_SECRET: '' };
    expect(await resolveCredentialsProvider(undefined, { env, configFile: config })()).toMatchObject({
      accessKeyId: 'work-id',
    });
  });

  it.each<[string, { options: { profile?: string }; env?: Record<string, string>; want: object }]>([
    [
      'the file’s current profile (StsToken mode)',
      {
        options: {},
        want: { accessKeyId: 'work-id', accessKeySecret: 'work-secret', securityToken: 'work-token' },
      },
    ],
    [
      'a profile named in the options (AK mode)',
      { options: { profile: 'default' }, want: { accessKeyId: 'default-id', securityToken: undefined } },
    ],
    [
      'the profile named by ALIBABA_CLOUD_PROFILE',
      { options: {}, env: { ALIBABA_CLOUD_PROFILE: 'default' }, want: { accessKeyId: 'default-id' } },
    ],
    [
      'the option over ALIBABA_CLOUD_PROFILE',
      {
        options: { profile: 'work' },
        env: { ALIBABA_CLOUD_PROFILE: 'default' },
        want: { accessKeyId: 'work-id' },
      },
    ],
  ])('reads %s from the profile file', async (_name, { options, env, want }) => {
    const provider = resolveCredentialsProvider(undefined, {
      env: { ...noEnv, ...env },
      configFile: config,
      ...options,
    });
    expect(await provider()).toMatchObject(want);
  });

  it('finds ~/.aliyun/config.json under HOME, and falls back to the profile "default"', async () => {
    const home = join(dir, 'home');
    await mkdir(join(home, '.aliyun'), { recursive: true });
    await writeFile(
      join(home, '.aliyun', 'config.json'),
      JSON.stringify({
        profiles: [{ name: 'default', mode: 'AK', access_key_id: 'h-id', access_key_secret: 'h-s' }],
      }),
    );
    expect(await resolveCredentialsProvider(undefined, { env: { HOME: home } })()).toMatchObject({
      accessKeyId: 'h-id',
    });
  });
});

describe('errors name every place looked, and no value', () => {
  const looked =
    'No credentials found. Looked in: the credentials option; the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ' +
    'ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN); ';

  it.each<[string, { options: object; code: string; message: string }]>([
    [
      'no file',
      {
        options: { configFile: missing },
        code: 'Client.NoCredentials',
        message: `${looked}profile "default" of ${missing} (no such file)${iniTail('default')}`,
      },
    ],
    [
      'a file that is not JSON',
      {
        options: { configFile: broken },
        code: 'Client.NoCredentials',
        message: `${looked}profile "default" of ${broken} (not a JSON object)${iniTail('default')}`,
      },
    ],
    [
      'a profile that is not in the file',
      {
        options: { configFile: config, profile: 'nope' },
        code: 'Client.NoCredentials',
        message: `${looked}profile "nope" of ${config} (no such profile)${iniTail('nope')}`,
      },
    ],
    [
      'an unsupported mode, by name',
      {
        options: { configFile: config, profile: 'role' },
        code: 'Client.NoCredentials',
        message: `${looked}profile "role" of ${config} (mode RamRoleArn is not supported; use AK, StsToken or EcsRamRole)${iniTail('role')}`,
      },
    ],
    [
      'a profile without a secret',
      {
        options: { configFile: config, profile: 'half' },
        code: 'Client.InvalidCredentials',
        message: `No AccessKeySecret in profile "half" of ${config}.`,
      },
    ],
    [
      'half a key pair in the environment',
      {
        options: { env: { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret' } },
        code: 'Client.InvalidCredentials',
        message:
          'No AccessKeyId in the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET).',
      },
    ],
  ])('%s', async (_name, { options, code, message }) => {
    const error = await failure(resolveCredentialsProvider(undefined, { env: noEnv, ...options }));
    expect(error).toBeInstanceOf(AcsCredentialsError);
    expect(error).toMatchObject({ code, message });
    const shown = [
      error.message,
      JSON.stringify(error),
      String(error),
      inspect(error),
      error.stack ?? '',
    ].join('\n');
    for (const secret of SECRETS) expect(shown).not.toContain(secret);
  });
});
