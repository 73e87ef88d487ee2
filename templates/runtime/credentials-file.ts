// The aliyun CLI profile file (~/.aliyun/config.json, "Configure credentials" in the CLI docs).
// Node-only, so loaded only when the default chain reaches it. Modes AK, StsToken and EcsRamRole (the
// instance's role, `ram_role_name`); the others are named as unsupported.
interface ConfigFile {
  readonly current?: unknown;
  readonly profiles?: unknown;
}

interface Profile {
  readonly name?: unknown;
  readonly mode?: unknown;
  readonly access_key_id?: unknown;
  readonly access_key_secret?: unknown;
  readonly sts_token?: unknown;
  readonly ram_role_name?: unknown;
}

export interface ProfileResult {
  /** Unchecked: the caller validates them and names `where` when a field is missing. */
  readonly credentials?: {
    readonly accessKeyId: string | undefined;
    readonly accessKeySecret: string | undefined;
    readonly securityToken: string | undefined;
  };
  /** The profile names the instance's RAM role (its name when given): the metadata service has them. */
  readonly instanceRole?: { readonly roleName: string | undefined };
  /** Where we looked, for messages: the profile name and the file. */
  readonly where: string;
  /** Why nothing was found there. */
  readonly reason?: string;
}

export async function readProfile(
  configFile: string | undefined,
  profileName: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<ProfileResult> {
  const file = configFile ?? (await defaultConfigFile(env));
  const read = await readConfig(file);
  const name = profileName ?? (typeof read.config?.current === 'string' ? read.config.current : 'default');
  const where = `profile "${name}" of ${file}`;
  if (read.config === undefined) return { where, reason: read.reason };
  const profiles = Array.isArray(read.config.profiles) ? (read.config.profiles as Profile[]) : [];
  const profile = profiles.find((p) => typeof p === 'object' && p !== null && p.name === name);
  if (profile === undefined) return { where, reason: 'no such profile' };
  const mode = profile.mode ?? 'AK';
  if (mode === 'EcsRamRole')
    return { where, instanceRole: { roleName: stringOr(profile.ram_role_name) || undefined } };
  if (mode !== 'AK' && mode !== 'StsToken') {
    return { where, reason: `mode ${String(mode)} is not supported; use AK, StsToken or EcsRamRole` };
  }
  return {
    where,
    credentials: {
      accessKeyId: stringOr(profile.access_key_id),
      accessKeySecret: stringOr(profile.access_key_secret),
      securityToken: mode === 'StsToken' ? stringOr(profile.sts_token) : undefined,
    },
  };
}

async function defaultConfigFile(env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const { homedir } = await import('node:os');
  const { join } = await import('node:path');
  return join(env.HOME || homedir(), '.aliyun', 'config.json');
}

async function readConfig(file: string): Promise<{ config?: ConfigFile; reason: string }> {
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { reason: code === 'ENOENT' ? 'no such file' : `cannot read the file (${String(code)})` };
  }
  // Neither JSON.parse's message nor the text is kept: both may quote the file, secrets included.
  try {
    const config: unknown = JSON.parse(text);
    if (typeof config === 'object' && config !== null) return { config, reason: '' };
  } catch {}
  return { reason: 'not a JSON object' };
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
