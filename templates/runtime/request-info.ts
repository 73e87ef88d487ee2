// What a `beforeRequest` hook may see of a signed request (loaded only for a client that has one).
import type { ActionDescriptor } from './descriptors.js';
import type { RequestInfo } from './hooks.js';
import { redactForm, redactHeaders, redactUrl } from './redact-request.js';
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
