// What a hook or a report may see of a signed request (its URL, form body and headers): the signature
// and token hidden by name, the AccessKeyId masked. Apart from redact.ts, which every call loads:
// only a `beforeRequest` hook (request-info.ts) and the conformance reports read requests back.
import { HIDDEN, maskAccessKeyId, redactAuthorization } from './redact.js';

const SECRET_PARAMS = new Set(['signature', 'securitytoken']);

export function redactUrl(url: string): string {
  const [base, query] = splitOnce(url, '?');
  if (query === undefined) return url;
  return `${base}?${redactForm(query)}`;
}

/** Query strings and form bodies alike. */
export function redactForm(text: string): string {
  return text
    .split('&')
    .map((pair) => {
      const [key, value] = splitOnce(pair, '=');
      if (value === undefined) return pair;
      const name = safeDecode(key).toLowerCase();
      if (SECRET_PARAMS.has(name)) return `${key}=${HIDDEN}`;
      if (name === 'accesskeyid') return `${key}=${maskAccessKeyId(safeDecode(value))}`;
      return pair;
    })
    .join('&');
}

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization') out[name] = redactAuthorization(value);
    else if (lower === 'x-acs-security-token') out[name] = HIDDEN;
    else out[name] = value;
  }
  return out;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const i = text.indexOf(separator);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
