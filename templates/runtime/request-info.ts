// What a hook may see of a signed request, and where its signature is, to scrub it everywhere.
import type { ActionDescriptor } from './descriptors.js';
import type { RequestInfo } from './hooks.js';
import { redactForm, redactHeaders, redactUrl } from './redact.js';
import type { SignedRequest } from './sign-request.js';

/** The request as a hook may see it: signature and token hidden by name, then every known secret. */
export function redactedInfo(
  action: ActionDescriptor,
  attempt: number,
  signed: SignedRequest,
  scrub: (text: string) => string,
): RequestInfo {
  const headers = redactHeaders(signed.headers);
  for (const name of Object.keys(headers)) headers[name] = scrub(headers[name]!);
  return {
    action: action.name,
    attempt,
    method: signed.method,
    url: scrub(redactUrl(signed.url)),
    headers,
    ...(signed.body === undefined ? {} : { body: scrub(redactForm(signed.body)) }),
  };
}

/** The signature of a signed request, wherever its version put it. */
export function signatureOf(signed: SignedRequest): string | undefined {
  const fromHeader = /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? '')?.[1];
  if (fromHeader !== undefined) return fromHeader;
  const form = signed.body ?? signed.url.split('?')[1] ?? '';
  const value = new URLSearchParams(form.replace(/\+/g, '%2B')).get('Signature');
  return value ?? undefined;
}
