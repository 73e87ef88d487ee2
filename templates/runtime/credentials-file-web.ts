// The aliyun CLI profile file where there is no file system to read it from (browsers, workers, edge
// runtimes): `#credentials-file` resolves here there, so their bundles hold no node: import. The
// default chain then names it as not read, beside the places it did look.
import type { ProfileResult } from './credentials-file.js';

export async function readProfile(
  configFile: string | undefined,
  profileName: string | undefined,
  _env: Readonly<Record<string, string | undefined>>,
): Promise<ProfileResult> {
  const name = profileName ?? 'default';
  return {
    where: `profile "${name}" of ${configFile ?? '~/.aliyun/config.json'}`,
    reason: 'no file system in this runtime; give credentials explicitly or through a provider',
  };
}
