// The aliyun CLI profile file (~/.aliyun/config.json). Node-only, so loaded only when the default
// chain reaches it; modes other than AK and StsToken are named as unsupported.
import type { Credentials } from './sign-request.js';

interface Profile {
  name?: string;
  mode?: string;
  access_key_id?: string;
  access_key_secret?: string;
  sts_token?: string;
}

export interface ProfileResult {
  readonly credentials?: Credentials;
  /** Where we looked, for messages: the file and the profile name. */
  readonly where: string;
  readonly reason?: string;
}

export async function readProfile(
  configFile: string | undefined,
  profileName: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<ProfileResult> {
  const { readFile } = await import('node:fs/promises');
  const { homedir } = await import('node:os');
  const { join } = await import('node:path');
  const file = configFile ?? join(env.HOME ?? homedir(), '.aliyun', 'config.json');
  let config: { current?: string; profiles?: Profile[] };
  try {
    config = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ENOENT';
    return { where: `the profile file ${file}`, reason: missing ? 'no such file' : 'not valid JSON' };
  }
  const name = profileName ?? config.current ?? 'default';
  const where = `profile "${name}" of ${file}`;
  const profile = config.profiles?.find((p) => p.name === name);
  if (profile === undefined) return { where, reason: 'no such profile' };
  const mode = profile.mode ?? 'AK';
  if (mode !== 'AK' && mode !== 'StsToken')
    return { where, reason: `mode ${mode} is not supported; use AK or StsToken` };
  return {
    where,
    credentials: {
      accessKeyId: profile.access_key_id ?? '',
      accessKeySecret: profile.access_key_secret ?? '',
      securityToken: mode === 'StsToken' ? profile.sts_token : undefined,
    },
  };
}
