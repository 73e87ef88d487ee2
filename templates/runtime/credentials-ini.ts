// The shared credentials file of Alibaba's SDKs (`~/.alibabacloud/credentials`, or the path in
// ALIBABA_CLOUD_CREDENTIALS_FILE): INI sections named after profiles, `type = access_key` (with
// `access_key_id`, `access_key_secret`) or `ecs_ram_role` (`role_name`). Node-only like
// credentials-file.ts, loaded only when the default chain reaches it. `ram_role_arn` needs an STS call,
// which the runtime cannot make without a product's client: named as unsupported, with the way out.
import type { ProfileResult } from './credentials-file.js';
import type { Env } from './env.js';

export const ENV_CREDENTIALS_FILE = 'ALIBABA_CLOUD_CREDENTIALS_FILE';

export async function readIniProfile(
  file: string | undefined,
  profileName: string | undefined,
  env: Env,
): Promise<ProfileResult> {
  const path = file || env[ENV_CREDENTIALS_FILE] || (await defaultFile(env));
  const name = profileName ?? 'default';
  const where = `profile "${name}" of ${path}`;
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { where, reason: code === 'ENOENT' ? 'no such file' : `cannot read the file (${String(code)})` };
  }
  const section = parseIni(text).get(name);
  if (section === undefined) return { where, reason: 'no such profile' };
  const type = section.get('type');
  if (type === 'access_key') {
    return {
      where,
      credentials: {
        accessKeyId: section.get('access_key_id'),
        accessKeySecret: section.get('access_key_secret'),
        securityToken: undefined,
      },
    };
  }
  if (type === 'ecs_ram_role')
    return { where, instanceRole: { roleName: section.get('role_name') || undefined } };
  if (type === 'ram_role_arn') {
    return { where, reason: 'type ram_role_arn needs an STS client: use assumeRoleProvider' };
  }
  return {
    where,
    reason:
      type === undefined
        ? 'no type'
        : `type ${JSON.stringify(type.slice(0, 32))} is not supported; use access_key or ecs_ram_role`,
  };
}

/**
 * Sections of an INI text, each a map of its keys. `key = value` with the value trimmed and one pair
 * of surrounding quotes removed; `;` and `#` start comment lines; lines that are neither are skipped
 * (never quoted back: the file holds secrets).
 */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    const header = /^\[\s*([^\]]*?)\s*\]$/.exec(line);
    if (header !== null) {
      const name = header[1] ?? '';
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0 || current === undefined) continue;
    const value = line.slice(eq + 1).trim();
    current.set(line.slice(0, eq).trim(), /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value);
  }
  return sections;
}

async function defaultFile(env: Env): Promise<string> {
  const { homedir } = await import('node:os');
  const { join } = await import('node:path');
  return join(env.HOME || homedir(), '.alibabacloud', 'credentials');
}
