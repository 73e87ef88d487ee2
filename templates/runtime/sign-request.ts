// Builds the signed HTTP request of one RPC attempt: "Request syntax and signature method V2 for RPC
// APIs" (v1: common parameters, HMAC-SHA1) or "V3 request structure and signature" (v3: x-acs-* headers).
import { type SigningCrypto, WEB_CRYPTO } from './crypto.js';
import { percentEncode } from './encode.js';
import { formEncode, type WireParams } from './serialize.js';
import { signV1 } from './sign-v1.js';
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
  /** Header parameters (`in: header`), lower-case names: signed under V3, sent unsigned under V1,
   * whose signature covers parameters only. */
  readonly headers?: WireParams | undefined;
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
  /** The platform's crypto (a client's keeps derived keys); Web Crypto when absent. */
  readonly crypto?: SigningCrypto | undefined;
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
  // An empty token is treated as none: providers and env files use '' for "no token".
  if (creds.securityToken) common.push(['SecurityToken', creds.securityToken]);
  const params = [...common, ...req.params];
  const { signature } = await signV1({
    method: req.method,
    params,
    secret: creds.accessKeySecret,
    crypto: opts.crypto,
  });
  const text = formEncode([...params, ['Signature', signature]], percentEncode);
  const base = targetUrl(req).toString();
  const accept = { ...Object.fromEntries(req.headers ?? []), accept: acceptFor(req.format) };
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
  const hashedPayload = await (opts.crypto ?? WEB_CRYPTO).sha256Hex(body);
  const target = targetUrl(req);
  const signed: Record<string, string> = {
    // First, so the protocol's own headers always win (the check stage refuses their names anyway).
    ...Object.fromEntries(req.headers ?? []),
    host: target.host,
    'x-acs-action': req.action,
    'x-acs-version': req.version,
    'x-acs-date': timestamp(opts.now),
    'x-acs-signature-nonce': opts.nonce,
    'x-acs-content-sha256': hashedPayload,
  };
  if (creds.securityToken) signed['x-acs-security-token'] = creds.securityToken;
  if (req.method === 'POST') signed['content-type'] = FORM;
  const { authorization } = await signV3({
    method: req.method,
    // What is sent, after URL normalization, is what must be signed.
    path: target.pathname,
    query,
    headers: signed,
    hashedPayload,
    accessKeyId: creds.accessKeyId,
    secret: creds.accessKeySecret,
    crypto: opts.crypto,
  });
  // fetch refuses to set Host (a forbidden header) and derives it from the URL, which is the
  // endpoint's host: the value signed above.
  const { host: _host, ...headers } = signed;
  const queryText = formEncode(query, percentEncode);
  return {
    method: req.method,
    url: queryText === '' ? target.toString() : `${target.toString()}?${queryText}`,
    headers: { ...headers, authorization, accept: acceptFor(req.format) },
    ...(req.method === 'POST' ? { body } : {}),
  };
}

/** The endpoint's scheme, host and port with the action's path; the endpoint's own path is ignored. */
function targetUrl(req: UnsignedRequest): URL {
  const url = new URL(req.endpoint.origin);
  // Assigning the path (rather than resolving it) can never change the host, whatever it holds.
  url.pathname = req.path;
  return url;
}

function acceptFor(format: 'JSON' | 'XML'): string {
  return format === 'XML' ? 'application/xml' : 'application/json';
}

/** The signature of a signed request, wherever its version put it: a secret to scrub everywhere. */
export function signatureOf(signed: SignedRequest): string | undefined {
  const fromHeader = /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? '')?.[1];
  if (fromHeader !== undefined) return fromHeader;
  const form = signed.body ?? signed.url.split('?')[1] ?? '';
  const value = new URLSearchParams(form.replace(/\+/g, '%2B')).get('Signature');
  return value ?? undefined;
}
