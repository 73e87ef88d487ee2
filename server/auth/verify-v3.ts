// Verifies an ACS3-HMAC-SHA256 request: every x-acs-* header sent must be signed (but the test-only
// fault header, see server/faults.ts), the body must match its hash, and the canonical query is
// rebuilt from decoded values (the official SDK sends `* ! ( )` raw on the wire but signs them encoded).
import { FAULT_HEADERS } from '../faults/header.ts';
import type { WireRequest } from '../http/read-request.ts';
import { ServerError } from '../protocol/server-error.ts';
import { type AuthContext, checkKey, equalSecret } from './context.ts';
import { sha256Hex, signatureV3 } from './sign.ts';
import { checkTimestamp } from './timestamp.ts';

const AUTHORIZATION =
  /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;
const HEADER_NAME = /^[a-z0-9][a-z0-9-]*$/;
const REQUIRED = [
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
];

/** The hash of an empty body, which every GET carries. */
const EMPTY_SHA256 = sha256Hex('');

export function verifyV3(req: WireRequest, ctx: AuthContext): string {
  const match = AUTHORIZATION.exec(headerValue(req, 'authorization')?.trim() ?? '');
  if (match === null) throw new ServerError('IncompleteSignature', 'Authorization');
  const [, accessKeyId, signedList, signature] = match as unknown as [string, string, string, string];
  for (const name of REQUIRED) if (!headerValue(req, name)) throw new ServerError('MissingParameter', name);
  const headers = signedHeaders(req, signedList.split(';'));
  const hashedPayload = req.bodyBytes.length === 0 ? EMPTY_SHA256 : sha256Hex(req.bodyBytes);
  if (headerValue(req, 'x-acs-content-sha256') !== hashedPayload)
    throw new ServerError('SignatureDoesNotMatch', 'x-acs-content-sha256');
  const date = headerValue(req, 'x-acs-date')!;
  checkTimestamp(date, 'x-acs-date', ctx.now(), ctx.windowSeconds, ctx.lastTimestamp);
  const key = checkKey(ctx, accessKeyId, headerValue(req, 'x-acs-security-token'));
  const path = decodedPath(req.path);
  const ours = signatureV3(
    { method: req.method, path, query: req.query, headers, hashedPayload },
    key.accessKeySecret,
    ctx.crypto,
  );
  if (!equalSecret(ours, signature)) throw new ServerError('SignatureDoesNotMatch', 'Signature');
  if (!ctx.nonces.claim(headerValue(req, 'x-acs-signature-nonce')!, ctx.now())) {
    throw new ServerError('SignatureNonceUsed', 'x-acs-signature-nonce');
  }
  return key.accessKeyId;
}

/** The signed headers, name to value: host, content-type and every x-acs-* header sent must be signed;
 * every signed header must be sent. */
function signedHeaders(req: WireRequest, signed: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of signed) {
    const value = HEADER_NAME.test(name) ? headerValue(req, name) : undefined;
    if (value === undefined) throw new ServerError('IncompleteSignature', 'SignedHeaders');
    values[name] = value;
  }
  for (const name of Object.keys(req.headers)) {
    if (mustSign(name) && !Object.hasOwn(values, name))
      throw new ServerError('IncompleteSignature', 'SignedHeaders');
  }
  return values;
}

function mustSign(name: string): boolean {
  return (
    (name.startsWith('x-acs-') && !FAULT_HEADERS.includes(name)) || name === 'content-type' || name === 'host'
  );
}

/** A header the client sent (never an inherited property), repeated values joined as HTTP joins them. */
export function headerValue(req: WireRequest, name: string): string | undefined {
  if (!Object.hasOwn(req.headers, name)) return undefined;
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The path as signed; text that is not valid percent-encoding is kept as sent (it will not verify). */
function decodedPath(path: string): string {
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
