// The default credentials chain, in the order of the official @alicloud/credentials: the environment,
// the aliyun CLI's profile file, the SDKs' shared credentials file, then the instance's RAM role from
// the metadata service. Each place either gives credentials, or says why not; the error names every
// place and reason, never a value. A profile that names the instance role goes to the metadata service.
import type { ProfileResult } from './credentials-file.js';
import type { InstanceRoleOptions } from './credentials-instance-role.js';
import { type Env, isTrue, processEnv } from './env.js';
import { AcsCredentialsError } from './errors.js';
import type { Credentials } from './sign-request.js';

export interface ChainOptions {
  /** Profile of the aliyun CLI config file and of the shared credentials file; else
   * `ALIBABA_CLOUD_PROFILE`, else the CLI file's `current` (the shared file's `default`). */
  readonly profile?: string | undefined;
  /** Path of the aliyun CLI config file; `~/.aliyun/config.json` when absent. */
  readonly configFile?: string | undefined;
  /** Path of the shared credentials file; else `ALIBABA_CLOUD_CREDENTIALS_FILE`, else
   * `~/.alibabacloud/credentials`. */
  readonly credentialsFile?: string | undefined;
  /** How the metadata service is asked (endpoint, timeouts, fetch), for the instance role. */
  readonly metadata?: Omit<InstanceRoleOptions, 'env' | 'roleName'> | undefined;
  /** Environment variables; `process.env` where there is one. */
  readonly env?: Env | undefined;
}

export const ENV_ACCESS_KEY_ID = 'ALIBABA_CLOUD_ACCESS_KEY_ID';
export const ENV_ACCESS_KEY_SECRET = 'ALIBABA_CLOUD_ACCESS_KEY_SECRET';
export const ENV_SECURITY_TOKEN = 'ALIBABA_CLOUD_SECURITY_TOKEN';
export const ENV_PROFILE = 'ALIBABA_CLOUD_PROFILE';
export const ENV_CLI_PROFILE_DISABLED = 'ALIBABA_CLOUD_CLI_PROFILE_DISABLED';
const ENV_ECS_METADATA_DISABLED = 'ALIBABA_CLOUD_ECS_METADATA_DISABLED';

type Provider = () => Promise<Credentials>;

/** What the chain found, and where: the caller checks it (credentials.ts), naming that place when a
 * field is missing. Checking there keeps credentials-check.ts out of this lazily loaded module, so a
 * bundler that splits code keeps it in the program's own file. */
export interface Found {
  readonly given: unknown;
  readonly where: string;
}

/** After the metadata service did not answer, how long the chain goes on without asking it: off an
 * instance, every call would otherwise wait out its timeouts (a second or two) before failing. */
export const METADATA_QUIET_MS = 60_000;

/** The chain as one finder of credentials. It keeps the metadata service's providers (one per role), so their
 * credentials are cached and refreshed across calls like any refreshing provider's. */
export function defaultChain(options: ChainOptions): () => Promise<Found> {
  const roles = new Map<string, Promise<Provider>>();
  const now = options.metadata?.now ?? Date.now;
  let silentAt = Number.NEGATIVE_INFINITY;
  // The provider's code loads when the chain gets this far (the environment or a profile usually
  // answers first); the promise is kept, so calls at once share one provider and its cache.
  const instanceRole = (env: Env, roleName: string | undefined): Promise<Provider> => {
    const key = roleName ?? '';
    let made = roles.get(key);
    if (made === undefined) {
      made = import('./credentials-instance-role.js').then((m) =>
        m.instanceRoleProvider({ ...options.metadata, env, roleName }),
      );
      roles.set(key, made);
    }
    return made;
  };
  return async () => {
    // Read now, before any await: where there is no `process`, nothing else is read.
    const env = options.env ?? processEnv();
    if (env[ENV_ACCESS_KEY_ID] || env[ENV_ACCESS_KEY_SECRET]) return fromEnv(env);
    const looked = [
      'the credentials option',
      `the environment (${ENV_ACCESS_KEY_ID}, ${ENV_ACCESS_KEY_SECRET}, ${ENV_SECURITY_TOKEN})`,
    ];
    const profile = options.profile ?? (env[ENV_PROFILE] || undefined);
    for (const found of await profiles(options, profile, env)) {
      if (found.credentials !== undefined) return { given: found.credentials, where: found.where };
      // A profile that chose the instance role: its failure is the answer, not a reason to go on;
      // but the switch that turns the metadata service off wins, as in the official chain.
      if (found.instanceRole !== undefined && isTrue(env[ENV_ECS_METADATA_DISABLED])) {
        looked.push(`${found.where} (the instance role, but ${ENV_ECS_METADATA_DISABLED} is true)`);
        continue;
      }
      if (found.instanceRole !== undefined)
        return { given: await (await instanceRole(env, found.instanceRole.roleName))(), where: found.where };
      looked.push(`${found.where} (${found.reason})`);
    }
    if (isTrue(env[ENV_ECS_METADATA_DISABLED])) {
      looked.push(`the instance metadata service (${ENV_ECS_METADATA_DISABLED})`);
    } else if (now() - silentAt < METADATA_QUIET_MS) {
      looked.push('the instance metadata service (Client.MetadataUnavailable, less than a minute ago)');
    } else {
      try {
        // The role: ALIBABA_CLOUD_ECS_METADATA, else the one the service names (the provider reads both).
        const given = await (await instanceRole(env, undefined))();
        return { given, where: 'the instance metadata service' };
      } catch (error) {
        const code = error instanceof AcsCredentialsError ? error.code : 'unknown error';
        if (code === 'Client.MetadataUnavailable') silentAt = now();
        looked.push(`the instance metadata service (${code})`);
      }
    }
    throw new AcsCredentialsError({
      code: 'Client.NoCredentials',
      message: `No credentials found. Looked in: ${looked.join('; ')}.`,
    });
  };
}

function fromEnv(env: Env): Found {
  // An exported but empty variable (common in CI templates) counts as unset.
  return {
    given: {
      accessKeyId: env[ENV_ACCESS_KEY_ID],
      accessKeySecret: env[ENV_ACCESS_KEY_SECRET],
      securityToken: env[ENV_SECURITY_TOKEN],
    },
    where: `the environment (${ENV_ACCESS_KEY_ID}, ${ENV_ACCESS_KEY_SECRET})`,
  };
}

/** The aliyun CLI's profile, then the shared credentials file's: the order of the official chain. */
async function profiles(
  options: ChainOptions,
  profile: string | undefined,
  env: Env,
): Promise<ProfileResult[]> {
  const results: ProfileResult[] = [];
  if (!isTrue(env[ENV_CLI_PROFILE_DISABLED])) {
    const { readProfile } = await import('#credentials-files');
    const found = await readProfile(options.configFile, profile, env);
    results.push(found);
    if (found.reason === undefined) return results;
  }
  // Node's readers, or stand-ins where there is no file system (package.json `imports`).
  const { readIniProfile } = await import('#credentials-files');
  results.push(await readIniProfile(options.credentialsFile, profile, env));
  return results;
}
