// An independent signer for tests, written differently from the runtime on purpose (node:crypto,
// encodeURIComponent with its own escapes, Buffer byte order), to cross-check it.
import { createHash, createHmac } from 'node:crypto';

export function rfc3986(s: string): string {
  return encodeURIComponent(s)
    .replaceAll('!', '%21')
    .replaceAll("'", '%27')
    .replaceAll('(', '%28')
    .replaceAll(')', '%29')
    .replaceAll('*', '%2A');
}

export function byteSorted(pairs: readonly (readonly [string, string])[]): string {
  const encoded = pairs.map(([k, v]) => [Buffer.from(rfc3986(k)), `${rfc3986(k)}=${rfc3986(v)}`] as const);
  encoded.sort((a, b) => Buffer.compare(a[0], b[0]) || (a[1] < b[1] ? -1 : 1));
  return encoded.map(([, kv]) => kv).join('&');
}

export function referenceV1(
  method: string,
  pairs: readonly (readonly [string, string])[],
  secret: string,
): string {
  const toSign = `${method}&%2F&${rfc3986(byteSorted(pairs.filter(([k]) => k !== 'Signature')))}`;
  return createHmac('sha1', `${secret}&`).update(toSign, 'utf8').digest('base64');
}

export function referenceV3(
  method: string,
  pairs: readonly (readonly [string, string])[],
  headers: Readonly<Record<string, string>>,
  secret: string,
  body = '',
): string {
  const names = Object.keys(headers).sort();
  const canonical = [
    method,
    '/',
    byteSorted(pairs),
    names.map((n) => `${n}:${headers[n]!.trim()}\n`).join(''),
    names.join(';'),
    createHash('sha256').update(body, 'utf8').digest('hex'),
  ].join('\n');
  const toSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
  return createHmac('sha256', secret).update(toSign, 'utf8').digest('hex');
}

/** Decoded pairs of a query string or form body, `+` kept literal as RFC 3986 senders mean it. */
export function decodePairs(text: string): [string, string][] {
  if (text === '') return [];
  return text.split('&').map((pair) => {
    const i = pair.indexOf('=');
    return [decodeURIComponent(pair.slice(0, i)), decodeURIComponent(pair.slice(i + 1))];
  });
}
