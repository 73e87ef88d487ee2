// readProfile: the aliyun CLI profile file read directly — which profile, which modes, and reasons
// that name the problem without quoting the file (it holds secrets).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readProfile } from '../../../templates/runtime/credentials-file.ts';

const dir = await mkdtemp(join(tmpdir(), 'acs-profile-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const profiles = await file('config.json', {
  current: 'sts',
  profiles: [
    null,
    'junk',
    { name: 'ak', mode: 'AK', access_key_id: 'ak-id', access_key_secret: 'ak-secret', sts_token: 'ignored' },
    { name: 'nomode', access_key_id: 'n-id', access_key_secret: 'n-secret' },
    {
      name: 'sts',
      mode: 'StsToken',
      access_key_id: 's-id',
      access_key_secret: 's-secret',
      sts_token: 's-token',
    },
    { name: 'numbers', mode: 'AK', access_key_id: 7, access_key_secret: ['x'] },
    { name: 'role', mode: 'RamRoleArn' },
    { name: 'ecs', mode: 'EcsRamRole', ram_role_name: 'worker' },
    { name: 'ecs-any', mode: 'EcsRamRole' },
  ],
});

describe('readProfile', () => {
  it.each<[string, { profile: string | undefined; want: object }]>([
    [
      'the current profile when none is named',
      {
        profile: undefined,
        want: { accessKeyId: 's-id', accessKeySecret: 's-secret', securityToken: 's-token' },
      },
    ],
    [
      'an AK profile ignores a token',
      {
        profile: 'ak',
        want: { accessKeyId: 'ak-id', accessKeySecret: 'ak-secret', securityToken: undefined },
      },
    ],
    [
      'no mode means AK',
      {
        profile: 'nomode',
        want: { accessKeyId: 'n-id', accessKeySecret: 'n-secret', securityToken: undefined },
      },
    ],
    [
      'fields that are not strings are absent',
      {
        profile: 'numbers',
        want: { accessKeyId: undefined, accessKeySecret: undefined, securityToken: undefined },
      },
    ],
  ])('%s', async (_name, { profile, want }) => {
    const got = await readProfile(profiles, profile, {});
    expect(got.credentials).toEqual(want);
    expect(got.where).toBe(`profile "${profile ?? 'sts'}" of ${profiles}`);
  });

  it.each<[string, { content: unknown; profile?: string; reason: string; name?: string }]>([
    [
      'an unsupported mode',
      {
        content: { profiles: [{ name: 'default', mode: 'RamRoleArn' }] },
        reason: 'mode RamRoleArn is not supported; use AK, StsToken or EcsRamRole',
      },
    ],
    ['no such profile', { content: { profiles: [{ name: 'other' }] }, reason: 'no such profile' }],
    [
      'profiles that are not a list',
      { content: { profiles: { name: 'default' } }, reason: 'no such profile' },
    ],
    [
      'a current that is not a string falls back to default',
      { content: { current: 5, profiles: [] }, reason: 'no such profile', name: 'default' },
    ],
    ['broken JSON', { content: '{"profiles": [', reason: 'not a JSON object' }],
    ['JSON null', { content: 'null', reason: 'not a JSON object' }],
    ['a JSON number', { content: '5', reason: 'not a JSON object' }],
  ])('%s', async (name, { content, profile, reason, name: profileName }) => {
    const path = await file(`${name.replace(/\W+/g, '-')}.json`, content);
    const got = await readProfile(path, profile, {});
    expect(got).toEqual({ where: `profile "${profileName ?? 'default'}" of ${path}`, reason });
  });

  it.each([
    ['ecs', 'worker'],
    ['ecs-any', undefined],
  ])('an EcsRamRole profile (%s) names the instance role, not credentials', async (name, roleName) => {
    expect(await readProfile(profiles, name, {})).toEqual({
      where: `profile "${name}" of ${profiles}`,
      instanceRole: { roleName },
    });
  });

  it('says when the file does not exist', async () => {
    const path = join(dir, 'absent.json');
    expect(await readProfile(path, 'x', {})).toEqual({
      where: `profile "x" of ${path}`,
      reason: 'no such file',
    });
  });

  it('names the error code when the file cannot be read', async () => {
    expect(await readProfile(dir, 'x', {})).toEqual({
      where: `profile "x" of ${dir}`,
      reason: 'cannot read the file (EISDIR)',
    });
  });

  it('reads the file as UTF-8', async () => {
    const path = await file('utf8.json', {
      profiles: [{ name: '中文', access_key_id: 'ключ', access_key_secret: 's' }],
    });
    expect((await readProfile(path, '中文', {})).credentials?.accessKeyId).toBe('ключ');
  });

  it('looks in HOME/.aliyun/config.json by default', async () => {
    const got = await readProfile(undefined, 'p', { HOME: dir });
    expect(got).toEqual({
      where: `profile "p" of ${join(dir, '.aliyun', 'config.json')}`,
      reason: 'no such file',
    });
  });
});
