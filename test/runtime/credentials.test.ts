// Credentials: explicit, provider, environment, the aliyun CLI profile file; clear errors that name
// every place looked and never a value.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveCredentialsProvider } from '../../templates/runtime/credentials.ts';
import { AcsCredentialsError } from '../../templates/runtime/errors.ts';

const dir = await mkdtemp(join(tmpdir(), 'acs-cred-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

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
      },
      { name: 'role', mode: 'RamRoleArn', access_key_id: 'r', access_key_secret: 'r' },
    ],
  }),
);
const noEnv = { HOME: dir };

describe('credentials', () => {
  it('uses explicit keys and provider functions (called each time, for refreshed tokens)', async () => {
    expect(await resolveCredentialsProvider({ accessKeyId: 'a', accessKeySecret: 'b' })()).toEqual({
      accessKeyId: 'a',
      accessKeySecret: 'b',
      securityToken: undefined,
    });
    let n = 0;
    const provider = resolveCredentialsProvider(async () => ({
      accessKeyId: `id${++n}`,
      accessKeySecret: 's',
      securityToken: `t${n}`,
    }));
    expect((await provider()).securityToken).toBe('t1');
    expect((await provider()).securityToken).toBe('t2');
  });

  it('reads the environment first', async () => {
    const env = {
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

  it.each([
    ['the file’s current profile', {}, { accessKeyId: 'work-id', securityToken: 'work-token' }],
    [
      'a profile named in the options',
      { profile: 'default' },
      { accessKeyId: 'default-id', securityToken: undefined },
    ],
  ])('reads %s from the profile file', async (_name, options, want) => {
    expect(
      await resolveCredentialsProvider(undefined, { env: noEnv, configFile: config, ...options })(),
    ).toMatchObject(want);
  });

  it('reads the profile named by ALIBABA_CLOUD_PROFILE from ~/.aliyun/config.json', async () => {
    await import('node:fs/promises').then(async (fs) => {
      await fs.mkdir(join(dir, '.aliyun'), { recursive: true });
      await fs.copyFile(config, join(dir, '.aliyun', 'config.json'));
    });
    const env = { HOME: dir, ALIBABA_CLOUD_PROFILE: 'default' };
    expect(await resolveCredentialsProvider(undefined, { env })()).toMatchObject({
      accessKeyId: 'default-id',
    });
  });

  it('names every place looked when nothing is found, and no value', async () => {
    const error = await resolveCredentialsProvider(undefined, {
      env: noEnv,
      configFile: join(dir, 'missing.json'),
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsCredentialsError);
    expect((error as AcsCredentialsError).code).toBe('Client.NoCredentials');
    expect((error as Error).message).toBe(
      `No credentials found. Looked in: the credentials option; the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN); the profile file ${join(dir, 'missing.json')} (no such file).`,
    );
  });

  it('says which profile mode it cannot use', async () => {
    const error = await resolveCredentialsProvider(undefined, {
      env: noEnv,
      configFile: config,
      profile: 'role',
    })().catch((e: unknown) => e);
    expect((error as Error).message).toContain(
      `profile "role" of ${config} (mode RamRoleArn is not supported; use AK or StsToken)`,
    );
    expect((error as Error).message).not.toMatch(/work-secret|default-secret/);
  });

  it('refuses half a key pair without showing the half it has', async () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'only-id' };
    const error = await resolveCredentialsProvider(undefined, { env })().catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'No AccessKeySecret in the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET).',
    );
  });
});
