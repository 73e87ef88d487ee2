// Credentials (Alibaba Cloud "default credential provider chain"): explicit keys, a provider function
// (refreshed tokens), or the environment then the aliyun CLI's profile file. Errors name where we
// looked, never a value.
import { AcsCredentialsError, AcsError } from './errors.js';
import type { Credentials } from './sign-request.js';

export type CredentialsProvider = () => Promise<Credentials>;
type Env = Readonly<Record<string, string | undefined>>;

export interface ChainOptions {
  /** Profile of the aliyun CLI config file; else `ALIBABA_CLOUD_PROFILE`, else the file's `current`. */
  readonly profile?: string | undefined;
  /** Path of the aliyun CLI config file; `~/.aliyun/config.json` when absent. */
  readonly configFile?: string | undefined;
  /** Environment variables; `process.env` where there is one. */
  readonly env?: Env | undefined;
}

export const ENV_ACCESS_KEY_ID = 'ALIBABA_CLOUD_ACCESS_KEY_ID';
export const ENV_ACCESS_KEY_SECRET = 'ALIBABA_CLOUD_ACCESS_KEY_SECRET';
export const ENV_SECURITY_TOKEN = 'ALIBABA_CLOUD_SECURITY_TOKEN';
export const ENV_PROFILE = 'ALIBABA_CLOUD_PROFILE';

/**
 * Explicit credentials are checked once, now; a provider function is called before every request,
 * so it can hand out refreshed STS tokens; without either, the default chain runs on each call.
 */
export function resolveCredentialsProvider(
  input: Credentials | CredentialsProvider | undefined,
  options: ChainOptions = {},
): CredentialsProvider {
  if (typeof input === 'function')
    return async () => checked(await provided(input), 'the credentials provider');
  if (input !== undefined) {
    const fixed = checked(input, 'the credentials option');
    return async () => fixed;
  }
  return () => defaultChain(options);
}

/** What a provider function gives; whatever it throws, the call fails with an AcsError that keeps it
 * as the cause (its message is the provider's, which may quote what it was fetching: not repeated). */
async function provided(provider: CredentialsProvider): Promise<unknown> {
  try {
    return await provider();
  } catch (error) {
    if (error instanceof AcsError) throw error;
    throw new AcsCredentialsError({
      code: 'Client.CredentialsProviderFailed',
      message: `The credentials provider failed (${error instanceof Error ? error.name : typeof error}).`,
      cause: error,
    });
  }
}

async function defaultChain(options: ChainOptions): Promise<Credentials> {
  const env = options.env ?? processEnv();
  // An exported but empty variable (common in CI templates) counts as unset.
  if (env[ENV_ACCESS_KEY_ID] || env[ENV_ACCESS_KEY_SECRET]) {
    return checked(
      {
        accessKeyId: env[ENV_ACCESS_KEY_ID],
        accessKeySecret: env[ENV_ACCESS_KEY_SECRET],
        securityToken: env[ENV_SECURITY_TOKEN],
      },
      `the environment (${ENV_ACCESS_KEY_ID}, ${ENV_ACCESS_KEY_SECRET})`,
    );
  }
  // Node's reader, or a stand-in where there is no file system (package.json `imports`).
  const { readProfile } = await import('#credentials-file');
  const found = await readProfile(
    options.configFile,
    options.profile ?? (env[ENV_PROFILE] || undefined),
    env,
  );
  if (found.credentials !== undefined) return checked(found.credentials, found.where);
  throw new AcsCredentialsError({
    code: 'Client.NoCredentials',
    message:
      `No credentials found. Looked in: the credentials option; the environment (${ENV_ACCESS_KEY_ID}, ` +
      `${ENV_ACCESS_KEY_SECRET}, ${ENV_SECURITY_TOKEN}); ${found.where} (${found.reason}).`,
  });
}

/** Validates what a caller or provider gave, and copies it into an object that never prints a secret. */
function checked(given: unknown, where: string): Credentials {
  const c = (typeof given === 'object' && given !== null ? given : {}) as Record<string, unknown>;
  const id = c.accessKeyId;
  const secret = c.accessKeySecret;
  const token = c.securityToken;
  if (typeof id !== 'string' || id === '') throw invalid(`No AccessKeyId in ${where}.`);
  if (typeof secret !== 'string' || secret === '') throw invalid(`No AccessKeySecret in ${where}.`);
  if (token !== undefined && token !== null && typeof token !== 'string') {
    throw invalid(`The SecurityToken in ${where} is not a string.`);
  }
  return sealCredentials({ accessKeyId: id, accessKeySecret: secret, securityToken: token || undefined });
}

function invalid(message: string): AcsCredentialsError {
  return new AcsCredentialsError({ code: 'Client.InvalidCredentials', message });
}

/**
 * The same credentials, but JSON.stringify and Node's inspect (console.log) show a masked key id and
 * no secret or token, so logging a credentials object cannot leak it. Fields stay plain properties.
 */
export function sealCredentials(creds: Credentials): Credentials {
  const shown = () => redactCredentials(creds);
  const sealed = { ...creds };
  Object.defineProperty(sealed, 'toJSON', { value: shown, enumerable: false });
  Object.defineProperty(sealed, Symbol.for('nodejs.util.inspect.custom'), {
    value: shown,
    enumerable: false,
  });
  return Object.freeze(sealed);
}

/** What may be shown of credentials: the key id's first four characters (LTAI…, STS.…), nothing else. */
export function redactCredentials(creds: Credentials): Record<string, string> {
  const shown: Record<string, string> = {
    accessKeyId: `${creds.accessKeyId.slice(0, 4)}***`,
    accessKeySecret: '***',
  };
  if (creds.securityToken !== undefined) shown.securityToken = '***';
  return shown;
}

function processEnv(): Env {
  // Not every runtime has `process` (browsers, some edge runtimes): read it without assuming it.
  const process = (globalThis as { process?: { env?: Env } }).process;
  return process?.env ?? {};
}
