// Builds the signed HTTP request of one RPC attempt: "Request syntax and signature method V2 for RPC
// APIs" (v1: common parameters, HMAC-SHA1) or "V3 request structure and signature" (v3: x-acs-* headers).
import { andThen, EMPTY_SHA256, type SigningCrypto, WEB_CRYPTO } from './crypto.js';
import { canonicalOfEncoded, encodePairs, joinPairs, percentEncode } from './encode.js';
import type { WireParams } from './serialize.js';
import type { V1Parts } from './sign-request-v1.js';
import { signV3Encoded } from './sign-v3.js';

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
  /** The name V1 sends the format under: the spec's `responseFormat.parameter`, `Format` when absent. */
  readonly formatParameter?: string | undefined;
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
  /** `timestamp` as the caller keeps it (a client's remembers its last second: timestamps()). */
  readonly timestamp?: ((now: Date) => string) | undefined;
}

/** ISO 8601 UTC without milliseconds, as both signature versions want it: `2016-02-23T12:46:24Z`.
 * toISOString always ends in `.sssZ`. */
export function timestamp(now: Date): string {
  return `${now.toISOString().slice(0, -5)}Z`;
}

/** timestamp() remembering the last second it wrote: calls within the same second (most of a busy
 * client's) reuse its text instead of formatting the date again. One per client, not shared. */
export function timestamps(): (now: Date) => string {
  let second = Number.NaN;
  let text = '';
  return (now) => {
    const s = Math.floor(now.getTime() / 1000);
    if (s !== second) {
      // An invalid date (NaN) never matches: timestamp() throws for it every time.
      text = timestamp(now);
      second = s;
    }
    return text;
  };
}

const FORM = 'application/x-www-form-urlencoded';

export function signRequest(
  req: UnsignedRequest,
  creds: Credentials,
  opts: SignOptions,
): Promise<SignedRequest> {
  return signWithSignature(req, creds, opts).then(({ signed }) => signed);
}

export type Signed = { signed: SignedRequest; signature: string };

/** The signed request and its signature (a secret the client hides from everything it reports),
 * without reading it back out of the request. */
export function signWithSignature(
  req: UnsignedRequest,
  creds: Credentials,
  opts: SignOptions,
): Promise<Signed> {
  // With a synchronous crypto (node:crypto) a V3 request is signed before this returns, and its
  // caller's await is the only turn it costs; what a bad parameter throws still rejects.
  try {
    return Promise.resolve(signAsSoonAsPossible(req, creds, opts));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** signWithSignature's work, with no promise when the crypto needs none (a V3 request signed with
 * node:crypto): the signed request itself then. What a bad parameter throws, it throws. V1's code
 * loads with the first V1 request: a program signing V3, the default, never carries it. */
export function signAsSoonAsPossible(
  req: UnsignedRequest,
  creds: Credentials,
  opts: SignOptions,
): Signed | Promise<Signed> {
  if (opts.signatureVersion === 'v1') {
    // A load that failed (a chunk a browser could not fetch) is tried again by the next request.
    v1Module ??= import('./sign-request-v1.js').catch((error: unknown) => {
      v1Module = undefined;
      throw error;
    });
    return v1Module.then((v1) => v1.signRequestV1(req, creds, opts, V1_PARTS));
  }
  return signRequestV3(req, creds, opts);
}

/** The V1 module once asked for: import() of a loaded module still resolves it anew each time, which
 * cost a V1 call more than its signing (+220 µs per call measured under tsx's module loader). It
 * holds code, nothing that varies between clients. */
let v1Module: Promise<typeof import('./sign-request-v1.js')> | undefined;

const V1_PARTS: V1Parts = {
  andThen,
  webCrypto: WEB_CRYPTO,
  canonicalOfEncoded,
  encodePairs,
  joinPairs,
  percentEncode,
  acceptFor,
  headerRecord,
  target,
  timestamp,
};

function signRequestV3(
  req: UnsignedRequest,
  creds: Credentials,
  opts: SignOptions,
): Signed | Promise<Signed> {
  const encoded = encodePairs(req.params);
  const body = req.method === 'POST' ? joinPairs(encoded) : '';
  // Every GET's body is empty, its hash known.
  const hashed = body === '' ? EMPTY_SHA256 : (opts.crypto ?? WEB_CRYPTO).sha256Hex(body);
  return andThen(hashed, (hashedPayload) => {
    const { href, host, path } = target(req);
    // First, so the protocol's own headers always win (the check stage refuses their names anyway).
    const signed = headerRecord(req.headers);
    signed.host = host;
    signed['x-acs-action'] = req.action;
    signed['x-acs-version'] = req.version;
    signed['x-acs-date'] = (opts.timestamp ?? timestamp)(opts.now);
    signed['x-acs-signature-nonce'] = opts.nonce;
    signed['x-acs-content-sha256'] = hashedPayload;
    if (creds.securityToken) signed['x-acs-security-token'] = creds.securityToken;
    if (req.method === 'POST') signed['content-type'] = FORM;
    const signature = signV3Encoded({
      method: req.method,
      path,
      encodedQuery: req.method === 'GET' ? encoded : [],
      headers: signed,
      hashedPayload,
      accessKeyId: creds.accessKeyId,
      secret: creds.accessKeySecret,
      crypto: opts.crypto,
    });
    return andThen(signature, ({ authorization, signature }) => {
      // fetch refuses to set Host (a forbidden header) and derives it from the URL, which is the
      // endpoint's host: the value signed above.
      const headers: Record<string, string> = {};
      for (const name in signed) if (name !== 'host') headers[name] = signed[name]!;
      headers.authorization = authorization;
      headers.accept = acceptFor(req.format);
      const queryText = req.method === 'GET' ? joinPairs(encoded) : '';
      return {
        signed: {
          method: req.method,
          url: queryText === '' ? href : `${href}?${queryText}`,
          headers,
          ...(req.method === 'POST' ? { body } : {}),
        },
        signature,
      };
    });
  });
}

/** Header parameters as a record, later names winning as Object.fromEntries has them. */
export function headerRecord(pairs: WireParams | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (pairs !== undefined) for (const [name, value] of pairs) record[name] = value;
  return record;
}

/** A path URL parsing leaves as it is: plain segments, no dot segments, escapes or backslashes. */
const PLAIN_PATH = /^\/[A-Za-z0-9\-_~/]*$/;

/**
 * The endpoint's scheme, host and port with the action's path; the endpoint's own path is ignored.
 * What is sent, after URL normalization, is what must be signed: a plain path is already normalized,
 * any other goes through URL.
 */
export function target(req: Pick<UnsignedRequest, 'endpoint' | 'path'>): {
  href: string;
  host: string;
  path: string;
} {
  const { origin, host, protocol } = req.endpoint;
  if ((protocol === 'https:' || protocol === 'http:') && PLAIN_PATH.test(req.path))
    return { href: `${origin}${req.path}`, host, path: req.path };
  const url = new URL(origin);
  // Assigning the path (rather than resolving it) can never change the host, whatever it holds.
  url.pathname = req.path;
  return { href: url.toString(), host: url.host, path: url.pathname };
}

export function acceptFor(format: 'JSON' | 'XML'): string {
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
