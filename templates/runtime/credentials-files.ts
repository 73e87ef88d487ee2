// The credentials files' readers on Node (and Deno and Bun, which read files through node:fs):
// `#credentials-files` resolves here there, and to credentials-files-web.ts where there is no file
// system. Each reader still loads its node: modules only when the default chain reaches it.
import type { ProfileResult } from './credentials-file.js';
import type { Env } from './env.js';

export { readProfile } from './credentials-file.js';

/** The shared credentials file's reader loads only when the chain gets past the aliyun CLI's profile,
 * which answers first wherever the CLI is set up. */
export async function readIniProfile(
  file: string | undefined,
  profileName: string | undefined,
  env: Env,
): Promise<ProfileResult> {
  return (await import('./credentials-ini.js')).readIniProfile(file, profileName, env);
}
