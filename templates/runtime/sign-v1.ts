// RPC signature 1.0 (HMAC-SHA1), "Request syntax and signature method V2 for RPC APIs".
import { hmac, type KeyCache, toBase64 } from './crypto.js';
import { percentEncode } from './encode.js';

export type WireParams = ReadonlyArray<readonly [string, string]>;

/**
 * Sorted by the encoded key. Encoded keys are ASCII, so code-unit order is byte order, and repeat
 * lists were flattened first: `InstanceId.10` sorts before `InstanceId.2`.
 */
export function canonicalizeV1(params: WireParams): string {
  return params
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export function stringToSignV1(method: string, canonical: string): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

export interface V1Signature {
  readonly canonical: string;
  readonly stringToSign: string;
  readonly signature: string;
}

export async function signV1(input: {
  method: string;
  params: WireParams;
  secret: string;
  keyCache?: KeyCache | undefined;
}): Promise<V1Signature> {
  const canonical = canonicalizeV1(input.params.filter(([k]) => k !== 'Signature'));
  const stringToSign = stringToSignV1(input.method, canonical);
  const signature = toBase64(await hmac('SHA-1', `${input.secret}&`, stringToSign, input.keyCache));
  return { canonical, stringToSign, signature };
}
