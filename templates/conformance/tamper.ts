// Signed requests bent at the level of decoded values, never wire text (a base64 signature that
// starts with `+` is `%2B` on the wire: a regex on the text would miss it and send the request
// untouched), and re-signed where a check needs a valid signature over something unusual (a
// malformed timestamp, a header left out of SignedHeaders) so that only that one thing is wrong.
import { sha256Hex } from '../runtime/crypto.js';
import { percentEncode } from '../runtime/encode.js';
import { formEncode } from '../runtime/serialize.js';
import type { SignedRequest } from '../runtime/sign-request.js';
import { signV1 } from '../runtime/sign-v1.js';
import { signV3 } from '../runtime/sign-v3.js';

export type Pairs = [string, string][];

export interface Keys {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** A query string or form body as decoded pairs (`%XX` as UTF-8; `+` stays a plus, as RFC 3986 means). */
export function decodePairs(text: string): Pairs {
  if (text === '') return [];
  return text.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const [key, value] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    return [decoded(key), decoded(value)];
  });
}

/** Text that is not valid percent-encoding stays as sent (a check may send such text on purpose). */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function queryOf(r: SignedRequest): Pairs {
  const q = r.url.indexOf('?');
  return q < 0 ? [] : decodePairs(r.url.slice(q + 1));
}

function baseOf(r: SignedRequest): string {
  const q = r.url.indexOf('?');
  return q < 0 ? r.url : r.url.slice(0, q);
}

/** The request with new query and body pairs, encoded as the runtime encodes them (or by `encode`). */
export function withPairs(
  r: SignedRequest,
  query: Pairs,
  form: Pairs | undefined,
  encode: (s: string) => string = percentEncode,
): SignedRequest {
  const text = formEncode(query, encode);
  const { body: _body, ...rest } = r;
  return {
    ...rest,
    url: text === '' ? baseOf(r) : `${baseOf(r)}?${text}`,
    ...(form === undefined ? {} : { body: formEncode(form, encode) }),
  };
}

/** Every pair of the query and body encoded anew by `encode`: the same decoded values, other text. */
export function reencode(r: SignedRequest, encode: (s: string) => string): SignedRequest {
  return withPairs(r, queryOf(r), r.body === undefined ? undefined : decodePairs(r.body), encode);
}

/** Edits the pairs that carry the parameters: the form body of a POST, else the query. */
export function editParams(r: SignedRequest, edit: (pairs: Pairs) => Pairs): SignedRequest {
  if (r.method === 'POST') return withPairs(r, queryOf(r), edit(decodePairs(r.body ?? '')));
  return withPairs(r, edit(queryOf(r)), r.body === undefined ? undefined : decodePairs(r.body));
}

/** One decoded value changed (its first character), so the request no longer matches its signature. */
export function changeValue(pairs: Pairs, name: string): Pairs {
  return pairs.map(([k, v]) => [k, k === name ? `${v.startsWith('A') ? 'B' : 'A'}${v.slice(1)}` : v]);
}

/** A V1 request signed anew after `edit` changed its parameters (Signature itself is recomputed). */
export async function resignV1(
  r: SignedRequest,
  keys: Keys,
  edit: (pairs: Pairs) => Pairs = (p) => p,
): Promise<SignedRequest> {
  const inBody = r.method === 'POST';
  const pairs = edit((inBody ? decodePairs(r.body ?? '') : queryOf(r)).filter(([k]) => k !== 'Signature'));
  const { signature } = await signV1({ method: r.method, params: pairs, secret: keys.accessKeySecret });
  const signed: Pairs = [...pairs, ['Signature', signature]];
  return inBody ? withPairs(r, queryOf(r), signed) : withPairs(r, signed, undefined);
}

export interface V3Edit {
  /** Changes the headers (lower-case names) before signing; `undefined` removes one. */
  readonly headers?: (headers: Record<string, string>) => Record<string, string | undefined>;
  /** Headers sent but left out of SignedHeaders. */
  readonly unsigned?: readonly string[];
  /** Headers signed (with these values) but not sent. */
  readonly signedOnly?: Readonly<Record<string, string>>;
}

/** A V3 request signed anew: host, content-type and every x-acs-* header signed unless `unsigned`
 * says otherwise; the body hash recomputed. */
export async function resignV3(r: SignedRequest, keys: Keys, edit: V3Edit = {}): Promise<SignedRequest> {
  const url = new URL(r.url);
  const { authorization: _a, ...kept } = r.headers;
  const hashed = await sha256Hex(r.body ?? '');
  const edited = edit.headers?.({ ...kept, 'x-acs-content-sha256': hashed }) ?? {
    ...kept,
    'x-acs-content-sha256': hashed,
  };
  const headers = Object.fromEntries(
    Object.entries(edited).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const unsigned = new Set(edit.unsigned ?? []);
  const signed = Object.fromEntries(
    Object.entries({ host: url.host, ...headers, ...edit.signedOnly }).filter(
      ([k]) => (k === 'host' || k === 'content-type' || k.startsWith('x-acs-')) && !unsigned.has(k),
    ),
  );
  const { authorization } = await signV3({
    method: r.method,
    path: url.pathname,
    query: queryOf(r),
    headers: signed,
    hashedPayload: headers['x-acs-content-sha256'] ?? hashed,
    accessKeyId: keys.accessKeyId,
    secret: keys.accessKeySecret,
  });
  return { ...r, headers: { ...headers, authorization } };
}

/** The Authorization header with one of its parts replaced (`Signature`, `SignedHeaders`, …). */
export function withAuthorizationPart(
  r: SignedRequest,
  part: 'Credential' | 'SignedHeaders' | 'Signature',
  change: (value: string) => string,
): SignedRequest {
  const authorization = (r.headers.authorization ?? '').replace(
    new RegExp(`${part}=([^,\\s]*)`),
    (_m, value: string) => `${part}=${change(value)}`,
  );
  return { ...r, headers: { ...r.headers, authorization } };
}
