// Hand-built signed requests for server tests, signed by the independent reference signer, so the
// server is checked against something other than its own signing code.
import { createHash, randomUUID } from 'node:crypto';
import { referenceV1, referenceV3, rfc3986 } from './reference-signer.ts';

export interface RawOptions {
  readonly method?: 'GET' | 'POST';
  readonly accessKeyId?: string;
  readonly secret?: string;
  readonly token?: string;
  readonly nonce?: string;
  readonly timestamp?: string;
  /** Sent as they are, after signing (they override signed ones). */
  readonly headers?: Record<string, string>;
  /** V3: extra headers that are sent and signed. */
  readonly signHeaders?: Record<string, string>;
  /** Parameters appended before signing (may repeat a name). */
  readonly extra?: readonly [string, string][];
  /** Changes the request after it was signed. */
  readonly tamper?: (pairs: [string, string][]) => [string, string][];
  readonly omit?: readonly string[];
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: () => Record<string, unknown>;
}

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function rawV1(
  url: string,
  params: Record<string, string>,
  o: RawOptions = {},
): Promise<RawResponse> {
  const method = o.method ?? 'GET';
  let pairs: [string, string][] = Object.entries({
    Action: 'DescribeInstanceStatus',
    Version: '2014-05-26',
    Format: 'JSON',
    AccessKeyId: o.accessKeyId ?? 'testid',
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: o.nonce ?? randomUUID(),
    Timestamp: o.timestamp ?? now(),
    ...(o.token === undefined ? {} : { SecurityToken: o.token }),
    ...params,
  });
  pairs.push(...(o.extra ?? []));
  pairs.push(['Signature', referenceV1(method, pairs, o.secret ?? 'testsecret')]);
  pairs = (o.tamper ?? ((p) => p))(pairs).filter(([k]) => !o.omit?.includes(k));
  const text = pairs.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
  const init: RequestInit =
    method === 'GET'
      ? { method, headers: o.headers ?? {} }
      : {
          method,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...o.headers },
          body: text,
        };
  return wrap(await fetch(method === 'GET' ? `${url}/?${text}` : `${url}/`, init));
}

export async function rawV3(
  url: string,
  params: Record<string, string>,
  o: RawOptions = {},
): Promise<RawResponse> {
  const method = o.method ?? 'GET';
  const pairs = [...Object.entries(params), ...(o.extra ?? [])];
  const body = method === 'POST' ? pairs.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&') : '';
  const signed: Record<string, string> = {
    host: new URL(url).host,
    'x-acs-action': 'DescribeInstanceStatus',
    'x-acs-version': '2014-05-26',
    'x-acs-date': o.timestamp ?? now(),
    'x-acs-signature-nonce': o.nonce ?? randomUUID(),
    'x-acs-content-sha256': createHash('sha256').update(body).digest('hex'),
    ...(o.token === undefined ? {} : { 'x-acs-security-token': o.token }),
    ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    ...o.signHeaders,
  };
  for (const name of o.omit ?? []) delete signed[name];
  const signature = referenceV3(
    method,
    method === 'GET' ? pairs : [],
    signed,
    o.secret ?? 'testsecret',
    body,
  );
  const names = Object.keys(signed).sort().join(';');
  const { host: _host, ...headers } = signed;
  const query =
    method === 'GET'
      ? (o.tamper ?? ((p) => p))(pairs)
          .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
          .join('&')
      : '';
  return wrap(
    await fetch(`${url}/${query ? `?${query}` : ''}`, {
      method,
      headers: {
        ...headers,
        authorization: `ACS3-HMAC-SHA256 Credential=${o.accessKeyId ?? 'testid'},SignedHeaders=${names},Signature=${signature}`,
        accept: 'application/json',
        ...o.headers,
      },
      ...(method === 'POST' ? { body } : {}),
    }),
  );
}

async function wrap(response: Response): Promise<RawResponse> {
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
}
