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

export function verifyV3(req: WireRequest, ctx: AuthContext): string {
  const header = (name: string) => headerValue(req, name);
  const match = AUTHORIZATION.exec(header('authorization')?.trim() ?? '');
  if (match === null) throw new ServerError('IncompleteSignature', 'Authorization');
  const [, accessKeyId, signedList, signature] = match as unknown as [string, string, string, string];
  for (const name of REQUIRED) if (!header(name)) throw new ServerError('MissingParameter', name);
  const signed = checkSignedHeaders(req, signedList.split(';'));
  const hashedPayload = sha256Hex(req.bodyBytes);
  if (header('x-acs-content-sha256') !== hashedPayload)
    throw new ServerError('SignatureDoesNotMatch', 'x-acs-content-sha256');
  checkTimestamp(header('x-acs-date')!, 'x-acs-date', ctx.now(), ctx.windowSeconds);
  const key = checkKey(ctx, accessKeyId, header('x-acs-security-token'));
  const ours = signatureV3(
    {
      method: req.method,
      path: decodedPath(req.path),
      query: req.query,
      headers: Object.fromEntries(signed.map((h) => [h, header(h)!])),
      hashedPayload,
    },
    key.accessKeySecret,
  );
  if (!equalSecret(ours, signature)) throw new ServerError('SignatureDoesNotMatch', 'Signature');
  if (!ctx.nonces.claim(header('x-acs-signature-nonce')!, ctx.now())) {
    throw new ServerError('SignatureNonceUsed', 'x-acs-signature-nonce');
  }
  return key.accessKeyId;
}

/** host, content-type and every x-acs-* header sent must be signed; every signed header must be sent. */
function checkSignedHeaders(req: WireRequest, signed: readonly string[]): readonly string[] {
  const mustSign = Object.keys(req.headers).filter(
    (h) => (h.startsWith('x-acs-') && !FAULT_HEADERS.includes(h)) || h === 'content-type' || h === 'host',
  );
  if (
    signed.some((h) => !HEADER_NAME.test(h) || headerValue(req, h) === undefined) ||
    mustSign.some((h) => !signed.includes(h))
  ) {
    throw new ServerError('IncompleteSignature', 'SignedHeaders');
  }
  return signed;
}

/** A header the client sent (never an inherited property), repeated values joined as HTTP joins them. */
export function headerValue(req: WireRequest, name: string): string | undefined {
  if (!Object.hasOwn(req.headers, name)) return undefined;
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The path as signed; text that is not valid percent-encoding is kept as sent (it will not verify). */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
