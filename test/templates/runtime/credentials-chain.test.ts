// The default chain past the environment and the aliyun CLI file: the shared credentials file of
// Alibaba's SDKs, profiles that name the instance role, and the metadata service last — each with the
// variables the official tools read. Files and endpoints are injected: nothing of the real home, the
// real environment or the network is touched.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChainOptions, resolveCredentialsProvider } from '../../../templates/runtime/credentials.ts';
import { parseIni } from '../../../templates/runtime/credentials-ini.ts';
import { startMetadataServer } from '../../support/metadata-server.ts';

const dir = await mkdtemp(join(tmpdir(), 'acs-chain-'));
const imds = await startMetadataServer();
afterAll(async () => {
  await imds.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => imds.reset());

const missing = join(dir, 'missing');
const cli = join(dir, 'config.json');
await writeFile(
  cli,
  JSON.stringify({
    current: 'ak',
    profiles: [
      { name: 'ak', mode: 'AK', access_key_id: 'cli-id', access_key_secret: 'cli-secret' },
      { name: 'instance', mode: 'EcsRamRole', ram_role_name: 'test-role' },
      { name: 'role', mode: 'RamRoleArn' },
    ],
  }),
);
const ini = join(dir, 'credentials');
await writeFile(
  ini,
  [
    '; shared credentials file',
    '[default]',
    'type = access_key',
    'access_key_id = ini-id',
    'access_key_secret = "ini-secret"',
    '',
    '[instance]',
    'type = ecs_ram_role',
    'role_name = test-role',
    '[assume]',
    'type = ram_role_arn',
    'access_key_id = a-id',
    'access_key_secret = a-secret',
    'role_arn = acs:ram::1:role/r',
    '[odd]',
    'type = chainable_ram_role_arn',
  ].join('\n'),
);

/** No credential variables, no real files; the metadata service is the stand-in. */
const base = (more: Partial<ChainOptions> & { env?: Record<string, string> } = {}) =>
  resolveCredentialsProvider(undefined, {
    configFile: missing,
    credentialsFile: missing,
    metadata: { endpoint: imds.url, now: () => Date.UTC(2026, 11, 6, 10) },
    ...more,
    env: { HOME: dir, ...more.env },
  });

describe('the shared credentials file (~/.alibabacloud/credentials)', () => {
  it('is read after the aliyun CLI file, profile "default" unless named', async () => {
    expect(await base({ credentialsFile: ini })()).toMatchObject({
      accessKeyId: 'ini-id',
      accessKeySecret: 'ini-secret',
    });
    expect(imds.requests).toEqual([]);
  });

  it('comes after a CLI profile that gives credentials', async () => {
    expect(await base({ configFile: cli, credentialsFile: ini })()).toMatchObject({ accessKeyId: 'cli-id' });
  });

  it('is found through ALIBABA_CLOUD_CREDENTIALS_FILE', async () => {
    expect(
      await base({ credentialsFile: undefined, env: { ALIBABA_CLOUD_CREDENTIALS_FILE: ini } })(),
    ).toMatchObject({
      accessKeyId: 'ini-id',
    });
  });

  it('is skipped to when ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true, whatever the CLI file says', async () => {
    const provider = base({
      configFile: cli,
      credentialsFile: ini,
      env: { ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true' },
    });
    expect(await provider()).toMatchObject({ accessKeyId: 'ini-id' });
  });
});

describe('profiles that name the instance role, and the metadata service last', () => {
  it.each<[string, Partial<ChainOptions> & { env?: Record<string, string> }]>([
    ['a CLI profile in EcsRamRole mode', { configFile: cli, profile: 'instance' }],
    [
      'a shared-file profile of type ecs_ram_role',
      { credentialsFile: ini, env: { ALIBABA_CLOUD_PROFILE: 'instance' } },
    ],
  ])('%s gets the role’s credentials, by name', async (_n, options) => {
    expect(await base(options)()).toMatchObject({ accessKeyId: 'STS.id-1', securityToken: 'imds-token-1' });
    expect(imds.requests.map((r) => r.path)).toEqual([
      '/latest/api/token',
      '/latest/meta-data/ram/security-credentials/test-role',
    ]);
  });

  it('asks the metadata service when nothing else gives credentials, and caches what it gave', async () => {
    const provider = base();
    expect(await provider()).toMatchObject({ accessKeyId: 'STS.id-1' });
    expect(await provider()).toMatchObject({ accessKeyId: 'STS.id-1' });
    expect(imds.requests).toHaveLength(3);
  });

  it('uses the role named by ALIBABA_CLOUD_ECS_METADATA', async () => {
    await base({ env: { ALIBABA_CLOUD_ECS_METADATA: 'test-role' } })();
    expect(imds.requests.map((r) => r.path)).not.toContain('/latest/meta-data/ram/security-credentials/');
  });

  it('says where it looked and why, without a value, when nothing gives credentials', async () => {
    imds.state.role = '';
    const error = await base({ configFile: cli, credentialsFile: ini, profile: 'role' })().catch((e) => e);
    expect(error).toMatchObject({
      code: 'Client.NoCredentials',
      message:
        'No credentials found. Looked in: the credentials option; the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ' +
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN); ' +
        `profile "role" of ${cli} (mode RamRoleArn is not supported; use AK, StsToken or EcsRamRole); ` +
        `profile "role" of ${ini} (no such profile); the instance metadata service (Client.MetadataRefused).`,
    });
  });

  it.each([
    ['assume', 'type ram_role_arn needs an STS client: use assumeRoleProvider'],
    ['odd', 'type "chainable_ram_role_arn" is not supported; use access_key or ecs_ram_role'],
  ])('names why shared-file profile %s gives nothing', async (profile, reason) => {
    const error = await base({
      credentialsFile: ini,
      profile,
      env: { ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' },
    })().catch((e) => e);
    expect(error.message).toContain(`profile "${profile}" of ${ini} (${reason})`);
    expect(error.message).not.toMatch(/a-secret|ini-secret/);
  });

  it('does not ask the metadata service when ALIBABA_CLOUD_ECS_METADATA_DISABLED=true', async () => {
    const error = await base({ env: { ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'True' } })().catch((e) => e);
    expect(error.message).toMatch(/the instance metadata service \(ALIBABA_CLOUD_ECS_METADATA_DISABLED\)\.$/);
    expect(imds.requests).toEqual([]);
  });

  it('does not ask for a profile’s role either when ALIBABA_CLOUD_ECS_METADATA_DISABLED=true', async () => {
    const env = { ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' };
    const error = await base({ configFile: cli, profile: 'instance', env })().catch((e) => e);
    expect(error.message).toContain(
      `profile "instance" of ${cli} (the instance role, but ALIBABA_CLOUD_ECS_METADATA_DISABLED is true)`,
    );
    expect(imds.requests).toEqual([]);
  });

  it('lets a profile’s chosen role fail with the metadata service’s own error', async () => {
    imds.state.status = 403;
    const error = await base({ configFile: cli, profile: 'instance' })().catch((e) => e);
    expect(error).toMatchObject({ code: 'Client.MetadataRefused' });
  });
});

describe('parseIni', () => {
  it.each<[string, { given: string; want: Record<string, Record<string, string>> }]>([
    ['sections and keys, trimmed', { given: '[ a ]\n k = v \n', want: { a: { k: 'v' } } }],
    ['comments and junk skipped', { given: '; c\n# c\n[a]\njunk\nk=v=w', want: { a: { k: 'v=w' } } }],
    [
      'quotes removed, one pair',
      { given: `[a]\nk="v"\nl='w'\nm="x'`, want: { a: { k: 'v', l: 'w', m: `"x'` } } },
    ],
    ['keys before a section ignored', { given: 'k=v\n[a]', want: { a: {} } }],
    ['CRLF lines', { given: '[a]\r\nk=v\r\n', want: { a: { k: 'v' } } }],
  ])('%s', (_n, { given, want }) => {
    const got = Object.fromEntries(
      [...parseIni(given)].map(([name, keys]) => [name, Object.fromEntries(keys)]),
    );
    expect(got).toEqual(want);
  });
});
