// Builds the signed HTTP request of one RPC attempt, in either signature version.
import { type KeyCache, sha256Hex } from './crypto.js';
import { percentEncode } from './encode.js';
import { formEncode } from './serialize.js';
import { signV1, type WireParams } from './sign-v1.js';
import { signV3 } from './sign-v3.js';

export type SignatureVersion = 'v3' | 'v1';

export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}

export interface UnsignedRequest {
  readonly method: 'GET' | 'POST';
  /** Scheme, host and port; its path is ignored. */
  readonly endpoint: URL;
  readonly path: string;
  readonly action: string;
  readonly version: string;
  /** The API parameters, already flattened (see serialize.ts). */
  readonly params: WireParams;
  readonly format: 'JSON' | 'XML';
}

export interface SignedRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  /** Headers to send. `host` is not among them: fetch sets it, from the URL the signature used. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface SignOptions {
  readonly signatureVersion: SignatureVersion;
  readonly now: Date;
  readonly nonce: string;
  readonly keyCache?: KeyCache | undefined;
}

/** ISO 8601 UTC without milliseconds, as both signature versions want it: `2016-02-23T12:46:24Z`. */
export function timestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const FORM = 'application/x-www-form-urlencoded';

export function signRequest(
  req: UnsignedRequest,
  creds: Credentials,
  opts: SignOptions,
): Promise<SignedRequest> {
  return opts.signatureVersion === 'v1' ? signRequestV1(req, creds, opts) : signRequestV3(req, creds, opts);
}

async function signRequestV1(
  req: UnsignedRequest,
  creds: Credentials,
  opts: SignOptions,
): Promise<SignedRequest> {
  const common: [string, string][] = [
    ['Action', req.action],
    ['Version', req.version],
    ['Format', req.format],
    ['AccessKeyId', creds.accessKeyId],
    ['SignatureMethod', 'HMAC-SHA1'],
    ['SignatureVersion', '1.0'],
    ['SignatureNonce', opts.nonce],
    ['Timestamp', timestamp(opts.now)],
  ];
  if (creds.securityToken !== undefined) common.push(['SecurityToken', creds.securityToken]);
  const params = [...common, ...req.params];
  const { signature } = await signV1({
    method: req.method,
    params,
    secret: creds.accessKeySecret,
    keyCache: opts.keyCache,
  });
  const text = formEncode([...params, ['Signature', signature]], percentEncode);
  const base = new URL(req.path, req.endpoint).toString();
  const accept = { accept: acceptFor(req.format) };
  return req.method === 'GET'
    ? { method: 'GET', url: `${base}?${text}`, headers: accept }
    : { method: 'POST', url: base, headers: { ...accept, 'content-type': FORM }, body: text };
}

async function signRequestV3(
  req: UnsignedRequest,
  creds: Credentials,
  opts: SignOptions,
): Promise<SignedRequest> {
  const body = req.method === 'POST' ? formEncode(req.params, percentEncode) : '';
  const query = req.method === 'GET' ? req.params : [];
  const hashedPayload = await sha256Hex(body);
  const signed: Record<string, string> = {
    host: req.endpoint.host,
    'x-acs-action': req.action,
    'x-acs-version': req.version,
    'x-acs-date': timestamp(opts.now),
    'x-acs-signature-nonce': opts.nonce,
    'x-acs-content-sha256': hashedPayload,
  };
  if (creds.securityToken !== undefined) signed['x-acs-security-token'] = creds.securityToken;
  if (req.method === 'POST') signed['content-type'] = FORM;
  const { authorization } = await signV3({
    method: req.method,
    path: req.path,
    query,
    headers: signed,
    hashedPayload,
    accessKeyId: creds.accessKeyId,
    secret: creds.accessKeySecret,
    keyCache: opts.keyCache,
  });
  const { host: _host, ...headers } = signed;
  const base = new URL(req.path, req.endpoint).toString();
  const queryText = formEncode(query, percentEncode);
  return {
    method: req.method,
    url: queryText === '' ? base : `${base}?${queryText}`,
    headers: { ...headers, authorization, accept: acceptFor(req.format) },
    ...(req.method === 'POST' ? { body } : {}),
  };
}

function acceptFor(format: 'JSON' | 'XML'): string {
  return format === 'XML' ? 'application/xml' : 'application/json';
}
