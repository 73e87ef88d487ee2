// Credentials: explicit keys, a provider function (refreshed tokens), or the default chain of the
// environment and the aliyun CLI's profile file. Errors name where we looked, never a value.
import { AcsCredentialsError } from './errors.js';
import type { Credentials } from './sign-request.js';

export type CredentialsProvider = () => Promise<Credentials>;
type Env = Readonly<Record<string, string | undefined>>;

export interface ChainOptions {
  readonly profile?: string | undefined;
  readonly configFile?: string | undefined;
  readonly env?: Env | undefined;
}

const ID = 'ALIBABA_CLOUD_ACCESS_KEY_ID';
const SECRET = 'ALIBABA_CLOUD_ACCESS_KEY_SECRET';
const TOKEN = 'ALIBABA_CLOUD_SECURITY_TOKEN';

export function resolveCredentialsProvider(
  input: Credentials | CredentialsProvider | undefined,
  options: ChainOptions = {},
): CredentialsProvider {
  if (typeof input === 'function') return async () => checked(await input(), 'the credentials provider');
  if (input !== undefined) {
    const fixed = checked(input, 'the credentials option');
    return async () => fixed;
  }
  return () => defaultChain(options);
}

async function defaultChain(options: ChainOptions): Promise<Credentials> {
  const env = options.env ?? processEnv();
  const fromEnv = env[ID] !== undefined || env[SECRET] !== undefined;
  if (fromEnv) {
    return checked(
      {
        accessKeyId: env[ID] ?? '',
        accessKeySecret: env[SECRET] ?? '',
        securityToken: env[TOKEN] || undefined,
      },
      `the environment (${ID}, ${SECRET})`,
    );
  }
  const profile = options.profile ?? env.ALIBABA_CLOUD_PROFILE;
  const { readProfile } = await import('./credentials-file.js');
  const found = await readProfile(options.configFile, profile, env);
  if (found.credentials !== undefined) return checked(found.credentials, found.where);
  throw new AcsCredentialsError({
    code: 'Client.NoCredentials',
    message: `No credentials found. Looked in: the credentials option; the environment (${ID}, ${SECRET}, ${TOKEN}); ${found.where}${found.reason ? ` (${found.reason})` : ''}.`,
  });
}

function checked(c: Partial<Credentials> | undefined, where: string): Credentials {
  if (c === undefined || typeof c.accessKeyId !== 'string' || c.accessKeyId === '') {
    throw new AcsCredentialsError({
      code: 'Client.InvalidCredentials',
      message: `No AccessKeyId in ${where}.`,
    });
  }
  if (typeof c.accessKeySecret !== 'string' || c.accessKeySecret === '') {
    throw new AcsCredentialsError({
      code: 'Client.InvalidCredentials',
      message: `No AccessKeySecret in ${where}.`,
    });
  }
  const token = c.securityToken === '' ? undefined : c.securityToken;
  return { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: token };
}

function processEnv(): Env {
  const process = (globalThis as { process?: { env?: Env } }).process;
  return process?.env ?? {};
}
