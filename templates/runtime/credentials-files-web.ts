// The credentials files (the aliyun CLI's profiles, the shared credentials file) where there is no
// file system to read them from (browsers, workers, edge runtimes): `#credentials-files` resolves here
// there, so their bundles hold no node: import. The default chain then names them as not read,
// beside the places it did look.
import type { ProfileResult } from './credentials-file.js';
import type { Env } from './env.js';

/** credentials-ini.ts's variable, named here: importing that module would bring its node: imports. */
const ENV_CREDENTIALS_FILE = 'ALIBABA_CLOUD_CREDENTIALS_FILE';

const REASON = 'no file system in this runtime; give credentials explicitly or through a provider';

export async function readProfile(
  configFile: string | undefined,
  profileName: string | undefined,
  _env: Env,
): Promise<ProfileResult> {
  return {
    where: `profile "${profileName ?? 'default'}" of ${configFile ?? '~/.aliyun/config.json'}`,
    reason: REASON,
  };
}

export async function readIniProfile(
  file: string | undefined,
  profileName: string | undefined,
  env: Env,
): Promise<ProfileResult> {
  const path = file || env[ENV_CREDENTIALS_FILE] || '~/.alibabacloud/credentials';
  return { where: `profile "${profileName ?? 'default'}" of ${path}`, reason: REASON };
}
