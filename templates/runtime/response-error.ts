// What a failed response becomes (response.ts, on the first failure): an error envelope an
// AcsServiceError with the documented retryability, anything unreadable an AcsResponseError with a
// scrubbed snippet of the body. The envelope comes normalized (response.ts): this module imports
// nothing of the call path but the error classes, so a bundler that splits code does not move
// normalize.js out of the call's own chunk.
import { type ActionDescriptor, errorDescriptor, type ServiceDescriptor, type Shape } from './descriptors.js';
import { type AcsError, AcsResponseError, AcsServiceError } from './errors.js';
import type { RawResponse } from './transport.js';

/** The common error envelope (`RequestId, HostId, Code, Message, Recommend`), XML root `<Error>`. */
export const ERROR_ENVELOPE_SHAPE: Shape = {
  kind: 'object',
  properties: {
    RequestId: { kind: 'string' },
    HostId: { kind: 'string' },
    Code: { kind: 'string' },
    Message: { kind: 'string' },
    Recommend: { kind: 'string' },
  },
};

/** The envelope's fields, as `normalize(body, ERROR_ENVELOPE_SHAPE)` gives them. */
export type Envelope = Readonly<Record<string, string | undefined>>;

/** The error a response stands for, given its envelope (undefined when there was no body). */
export function serviceError(
  raw: RawResponse,
  envelope: Envelope | undefined,
  action: ActionDescriptor,
  service: ServiceDescriptor,
  scrub: (text: string) => string,
): AcsError {
  if (envelope?.Code === undefined)
    return unreadable(raw, `HTTP ${raw.status} without an error envelope`, scrub);
  const known = errorDescriptor(service, action, envelope.Code);
  return new AcsServiceError({
    code: scrub(envelope.Code),
    message: scrub(envelope.Message ?? envelope.Code),
    httpStatus: raw.status,
    requestId: envelope.RequestId,
    hostId: envelope.HostId,
    recommend: envelope.Recommend === undefined ? undefined : scrub(envelope.Recommend),
    retryable: known?.retryable ?? retryableStatus(raw.status),
    product: service.product,
    action: action.name,
  });
}

function retryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

export function unreadable(
  raw: RawResponse,
  what: string,
  scrub: (text: string) => string,
): AcsResponseError {
  // Scrubbed whole, then cut: cut first, the head of a secret at the cut would survive.
  const snippet = scrub(raw.bodyText).replace(/\s+/g, ' ').trim().slice(0, 120).trimEnd();
  const type = raw.headers.get('content-type') ?? 'no content type';
  return new AcsResponseError({
    code: 'Client.MalformedResponse',
    message: `Unreadable response: HTTP ${raw.status} (${type}) with ${what}${snippet ? `: ${JSON.stringify(snippet)}` : ''}.`,
    httpStatus: raw.status,
    requestId: raw.headers.get('x-acs-request-id') ?? undefined,
    retryable: retryableStatus(raw.status),
  });
}
