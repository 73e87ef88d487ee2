// The signed request of an RPC signature 1.0 (HMAC-SHA1) attempt, "Request syntax and signature
// method V2 for RPC APIs": common parameters beside the API's, all in the query or the form body.
// Loaded by sign-request.ts with a client's first V1 request.
import type { andThen, SigningCrypto } from './crypto.js';
import type { canonicalOfEncoded, encodePairs, joinPairs, percentEncode } from './encode.js';
import type {
  acceptFor,
  Credentials,
  headerRecord,
  Signed,
  SignOptions,
  target,
  timestamp,
  UnsignedRequest,
} from './sign-request.js';

/** What V1 signing uses of the modules every call loads, handed over by sign-request.ts rather than
 * imported: a lazily loaded module importing them would move them out of the program's own file into
 * a chunk of their own, gzipped apart, which costs a V3 program more than V1's code saves it. */
export interface V1Parts {
  readonly andThen: typeof andThen;
  readonly webCrypto: SigningCrypto;
  readonly canonicalOfEncoded: typeof canonicalOfEncoded;
  readonly encodePairs: typeof encodePairs;
  readonly joinPairs: typeof joinPairs;
  readonly percentEncode: typeof percentEncode;
  readonly acceptFor: typeof acceptFor;
  readonly headerRecord: typeof headerRecord;
  readonly target: typeof target;
  readonly timestamp: typeof timestamp;
}

export function signRequestV1(
  req: UnsignedRequest,
  creds: Credentials,
  opts: SignOptions,
  parts: V1Parts,
): Signed | Promise<Signed> {
  const { andThen, encodePairs, joinPairs, percentEncode, headerRecord, target } = parts;
  const common: [string, string][] = [
    ['Action', req.action],
    ['Version', req.version],
    [req.formatParameter ?? 'Format', req.format],
    ['AccessKeyId', creds.accessKeyId],
    ['SignatureMethod', 'HMAC-SHA1'],
    ['SignatureVersion', '1.0'],
    ['SignatureNonce', opts.nonce],
    ['Timestamp', (opts.timestamp ?? parts.timestamp)(opts.now)],
  ];
  // An empty token is treated as none: providers and env files use '' for "no token".
  if (creds.securityToken) common.push(['SecurityToken', creds.securityToken]);
  // Each name and value is encoded once, for the signature and for the text sent alike.
  const encoded = encodePairs(common);
  let named = false;
  for (const [k, v] of req.params) {
    named ||= k === 'Signature';
    encoded.push([percentEncode(k), percentEncode(v)]);
  }
  // A parameter named Signature is sent as given but never signed (no spec declares one).
  const canonical = parts.canonicalOfEncoded(named ? encoded.filter(([k]) => k !== 'Signature') : encoded);
  // stringToSignV1 and signV1Encoded (sign-v1.ts), which the vectors and the cross-checks hold alike.
  const stringToSign = `${req.method}&%2F&${percentEncode(canonical)}`;
  const crypto = opts.crypto ?? parts.webCrypto;
  return andThen(crypto.hmac('SHA-1', `${creds.accessKeySecret}&`, stringToSign, 'base64'), (signature) => {
    encoded.push(['Signature', percentEncode(signature)]);
    const text = joinPairs(encoded);
    const { href } = target(req);
    const headers: Record<string, string> = headerRecord(req.headers);
    headers.accept = parts.acceptFor(req.format);
    if (req.method === 'GET')
      return { signed: { method: 'GET', url: `${href}?${text}`, headers }, signature };
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return { signed: { method: 'POST', url: href, headers, body: text }, signature };
  });
}
