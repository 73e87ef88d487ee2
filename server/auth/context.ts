// What authentication needs: the key pairs, the nonce registry, the clock, the window and the crypto.
import { timingSafeEqual } from 'node:crypto';
import type { SyncSigningCrypto } from '../../templates/runtime/crypto-node.ts';
import { ServerError } from '../protocol/server-error.ts';
import type { KeyPair } from './credentials.ts';
import type { NonceRegistry } from './nonces.ts';
import type { LastTimestamp } from './timestamp.ts';

export interface AuthContext {
  readonly keys: ReadonlyMap<string, KeyPair>;
  readonly nonces: NonceRegistry;
  readonly now: () => number;
  readonly windowSeconds: number;
  /** Shared by every request (see checkTimestamp). */
  readonly lastTimestamp: LastTimestamp;
  /** node:crypto with each secret's derived HMAC key kept, shared by every request. */
  readonly crypto: SyncSigningCrypto;
}

export function checkKey(ctx: AuthContext, accessKeyId: string, token: string | undefined): KeyPair {
  const key = ctx.keys.get(accessKeyId);
  if (key === undefined) throw new ServerError('InvalidAccessKeyId.NotFound', 'AccessKeyId');
  if (key.active === false) throw new ServerError('InvalidAccessKeyId.Inactive', 'AccessKeyId');
  if (key.securityToken === undefined && token)
    throw new ServerError('InvalidSecurityToken.MismatchWithAccessKey', 'SecurityToken');
  if (key.securityToken !== undefined) {
    if (!token) throw new ServerError('InvalidSecurityToken.Malformed', 'SecurityToken');
    if (!equalSecret(token, key.securityToken))
      throw new ServerError('InvalidSecurityToken.MismatchWithAccessKey', 'SecurityToken');
  }
  return key;
}

/** Constant-time comparison, so a signature cannot be guessed byte by byte from response times. */
export function equalSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
