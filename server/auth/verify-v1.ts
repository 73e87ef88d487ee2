// Verifies an RPC signature 1.0 (HMAC-SHA1) request, canonicalized from the decoded parameters.
import { ServerError } from '../protocol/server-error.ts';
import { type AuthContext, checkKey, equalSecret } from './context.ts';
import { signatureV1 } from './sign.ts';
import { checkTimestamp } from './timestamp.ts';

const REQUIRED = [
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'Signature',
];

export function verifyV1(method: string, pairs: readonly [string, string][], ctx: AuthContext): string {
  const get = (name: string) => pairs.find(([k]) => k === name)?.[1];
  for (const name of REQUIRED) if (!get(name)) throw new ServerError('MissingParameter', name);
  if (get('SignatureMethod') !== 'HMAC-SHA1' || get('SignatureVersion') !== '1.0') {
    throw new ServerError('IncompleteSignature', 'SignatureMethod');
  }
  checkTimestamp(get('Timestamp')!, 'Timestamp', ctx.now(), ctx.windowSeconds, ctx.lastTimestamp);
  const key = checkKey(ctx, get('AccessKeyId')!, get('SecurityToken'));
  const signature = signatureV1(method, pairs, key.accessKeySecret, ctx.crypto);
  if (!equalSecret(signature, get('Signature')!)) throw new ServerError('SignatureDoesNotMatch', 'Signature');
  if (!ctx.nonces.claim(get('SignatureNonce')!, ctx.now()))
    throw new ServerError('SignatureNonceUsed', 'SignatureNonce');
  return key.accessKeyId;
}
