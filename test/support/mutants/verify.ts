// Signature checks as a lax server does them: the reference server's own computation (the runtime's
// signers over what was sent), with one element of the request left out or bent. An authentication
// variant accepts a request the reference server refused when its lax check passes.
import { createHash } from 'node:crypto';
import { signV1 } from '../../../templates/runtime/sign-v1.ts';
import { signV3 } from '../../../templates/runtime/sign-v3.ts';
import { TEST_KEY } from './proxy.ts';
import type { Call } from './variant.ts';

type Pairs = readonly (readonly [string, string])[];

export interface V3Authorization {
  readonly accessKeyId: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** The Authorization header's parts, with any case of hex digits (a strict server wants lower case). */
export function v3Authorization(call: Call): V3Authorization | undefined {
  const m =
    /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]{64})$/.exec(
      call.headers.authorization?.trim() ?? '',
    );
  if (m === null) return undefined;
  return { accessKeyId: m[1]!, signedHeaders: m[2]!.split(';'), signature: m[3]! };
}

export interface V3Bends {
  /** The headers taken as signed (default: those SignedHeaders lists). */
  readonly signedHeaders?: readonly string[];
  /** A signed header the request does not carry is read as this (default: none, it fails). */
  readonly absentHeader?: string;
  readonly query?: Pairs;
  /** The body hash used (default: the hash of the body as sent). */
  readonly hashedPayload?: string;
}

/** The V3 signature the test key gives this request, with the bends; undefined when it cannot. */
export async function v3Expected(call: Call, bends: V3Bends = {}): Promise<string | undefined> {
  const auth = v3Authorization(call);
  if (auth === undefined || auth.accessKeyId !== TEST_KEY.accessKeyId) return undefined;
  const headers: Record<string, string> = {};
  for (const name of bends.signedHeaders ?? auth.signedHeaders) {
    const value = call.headers[name] ?? bends.absentHeader;
    if (value === undefined) return undefined;
    headers[name] = value;
  }
  const { signature } = await signV3({
    method: call.method,
    path: call.url.split('?')[0]!,
    query: bends.query ?? call.pairs.slice(0, queryCount(call)),
    headers,
    hashedPayload: bends.hashedPayload ?? bodyHash(call),
    accessKeyId: auth.accessKeyId,
    secret: TEST_KEY.accessKeySecret,
  });
  return signature;
}

/** Whether the request's V3 signature is the one computed with these bends (exact comparison). */
export async function v3Verifies(call: Call, bends: V3Bends = {}): Promise<boolean> {
  const auth = v3Authorization(call);
  return auth !== undefined && (await v3Expected(call, bends)) === auth.signature;
}

export function bodyHash(call: Call): string {
  return createHash('sha256').update(call.body).digest('hex');
}

/** How many of the call's pairs came from the query string (the rest from a form body). */
function queryCount(call: Call): number {
  return call.rawQuery === '' ? 0 : call.rawQuery.split('&').filter((p) => p !== '').length;
}

/** Whether the request's V1 signature is the test key's over these pairs (default: all sent) and method. */
export async function v1Verifies(
  call: Call,
  bends: { pairs?: Pairs; method?: string } = {},
): Promise<boolean> {
  const get = (name: string) => call.pairs.find(([k]) => k === name)?.[1];
  if (get('AccessKeyId') !== TEST_KEY.accessKeyId) return false;
  const { signature } = await signV1({
    method: bends.method ?? call.method,
    params: bends.pairs ?? call.pairs,
    secret: TEST_KEY.accessKeySecret,
  });
  return signature === get('Signature');
}

/** The request's time (x-acs-date or Timestamp), as the reference server reads it. */
export function requestTime(call: Call): string | undefined {
  return call.headers['x-acs-date'] ?? call.pairs.find(([k]) => k === 'Timestamp')?.[1];
}
