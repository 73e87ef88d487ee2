// ACS3-HMAC-SHA256, "V3 request structure and signature".
import { andThen, type SigningCrypto, WEB_CRYPTO } from './crypto.js';
import { byName, canonicalOfEncoded, canonicalQuery, encodePairs, sortPairs } from './encode.js';
import type { WireParams } from './serialize.js';

export const ACS3 = 'ACS3-HMAC-SHA256';

export interface V3Input {
  readonly method: string;
  readonly path: string;
  readonly query: WireParams;
  /** Every header that is signed: host, content-type when present, and each x-acs-* header sent. */
  readonly headers: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the body (the x-acs-content-sha256 value). */
  readonly hashedPayload: string;
  readonly accessKeyId: string;
  readonly secret: string;
  /** The platform's crypto (a client's keeps derived keys); Web Crypto when absent. */
  readonly crypto?: SigningCrypto | undefined;
}

export interface V3Signature {
  readonly canonicalRequest: string;
  readonly hashedCanonicalRequest: string;
  readonly stringToSign: string;
  readonly signedHeaders: string;
  readonly signature: string;
  readonly authorization: string;
}

/** The same rule as V1's canonicalized query string: encoded, sorted by key in byte order, `k=` when empty. */
export function canonicalQueryV3(query: WireParams): string {
  return canonicalQuery(query);
}

export function canonicalRequestV3(input: Omit<V3Input, 'accessKeyId' | 'secret' | 'crypto'>): {
  canonicalRequest: string;
  signedHeaders: string;
} {
  return canonicalOfEncodedV3(input, canonicalQueryV3(input.query));
}

function canonicalOfEncodedV3(
  input: Pick<V3Input, 'method' | 'path' | 'headers' | 'hashedPayload'>,
  canonicalQueryText: string,
): { canonicalRequest: string; signedHeaders: string } {
  const headers: [string, string][] = [];
  for (const name in input.headers)
    if (Object.hasOwn(input.headers, name)) headers.push([name.toLowerCase(), input.headers[name]!.trim()]);
  // Stably by name (a name twice keeps both, in order); header names are ASCII, so code-unit order is
  // byte order here too.
  sortPairs(headers, byName);
  let signedHeaders = '';
  let canonicalHeaders = '';
  for (const [k, v] of headers) {
    signedHeaders += signedHeaders === '' ? k : `;${k}`;
    canonicalHeaders += `${k}:${v}\n`;
  }
  const canonicalRequest = `${input.method}\n${input.path}\n${canonicalQueryText}\n${canonicalHeaders}\n${signedHeaders}\n${input.hashedPayload}`;
  return { canonicalRequest, signedHeaders };
}

export async function signV3(input: V3Input): Promise<V3Signature> {
  const { query, ...rest } = input;
  return signV3Encoded({ ...rest, encodedQuery: encodePairs(query) });
}

/** signV3 of a query already encoded (encodePairs): a value when the crypto is synchronous, so a
 * caller on Node awaits once for the whole request rather than once per digest. */
export function signV3Encoded(
  input: Omit<V3Input, 'query'> & { readonly encodedQuery: WireParams },
): V3Signature | Promise<V3Signature> {
  const { canonicalRequest, signedHeaders } = canonicalOfEncodedV3(
    input,
    canonicalOfEncoded(input.encodedQuery),
  );
  const crypto = input.crypto ?? WEB_CRYPTO;
  return andThen(crypto.sha256Hex(canonicalRequest), (hashedCanonicalRequest) => {
    const stringToSign = `${ACS3}\n${hashedCanonicalRequest}`;
    return andThen(crypto.hmac('SHA-256', input.secret, stringToSign, 'hex'), (signature) => ({
      canonicalRequest,
      hashedCanonicalRequest,
      stringToSign,
      signedHeaders,
      signature,
      authorization: `${ACS3} Credential=${input.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`,
    }));
  });
}
