// The key pairs the server accepts: configured, or the documented local default.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

export interface KeyPair {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** An STS key: requests must carry exactly this token. */
  readonly securityToken?: string;
  /** Inactive keys are refused with InvalidAccessKeyId.Inactive. */
  readonly active?: boolean;
}

/** For local use only: `testid` / `testsecret`, and an STS key with its token. */
export const DEFAULT_KEYS: readonly KeyPair[] = [
  { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
  { accessKeyId: 'STS.testid', accessKeySecret: 'testsecret', securityToken: 'teststsToken' },
];

export async function loadKeyPairs(file: string): Promise<KeyPair[]> {
  const value = parse(await readFile(file, 'utf8')) as unknown;
  if (!Array.isArray(value)) throw new Error(`${file}: expected a list of { accessKeyId, accessKeySecret }`);
  return value.map((entry, i) => {
    const e = entry as Partial<KeyPair>;
    if (typeof e.accessKeyId !== 'string' || typeof e.accessKeySecret !== 'string') {
      throw new Error(`${file}: entry ${i} needs accessKeyId and accessKeySecret strings`);
    }
    return {
      accessKeyId: e.accessKeyId,
      accessKeySecret: e.accessKeySecret,
      ...(typeof e.securityToken === 'string' ? { securityToken: e.securityToken } : {}),
      ...(e.active === false ? { active: false } : {}),
    };
  });
}
