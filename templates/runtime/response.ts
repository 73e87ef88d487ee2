// A raw HTTP response → the typed body, or a typed error: an error envelope becomes AcsServiceError;
// anything unreadable (HTML page, truncated JSON, empty 502, wrong content type) AcsResponseError.
// Both are built by response-error.ts, loaded on the first failure.
import type { ActionDescriptor, ServiceDescriptor, Shape } from './descriptors.js';
import { type AcsError, AcsResponseError } from './errors.js';
import { parseJson } from './json.js';
import { normalize } from './normalize.js';
import { redactText } from './redact.js';
import type { Envelope } from './response-error.js';
import type { RawResponse } from './transport.js';

type Kind = 'json' | 'xml' | 'empty' | 'other';

/** `scrub` cleans server-sent text (messages, snippets) of the attempt's secrets before it is kept. */
export async function parseResponse(
  raw: RawResponse,
  action: ActionDescriptor,
  service: ServiceDescriptor,
  scrub: (text: string) => string = redactText,
): Promise<unknown> {
  return readResponse(raw, action, service, scrub);
}

/** parseResponse's work with no promise for a JSON success (the client's every call): the body then,
 * or what reading it throws; XML (loaded on demand) and failures come as a promise. */
export function readResponse(
  raw: RawResponse,
  action: ActionDescriptor,
  service: ServiceDescriptor,
  scrub: (text: string) => string = redactText,
): unknown {
  const kind = kindOf(raw);
  const ok = raw.status >= 200 && raw.status < 300;
  const read = readBody(raw, kind, ok ? action.xmlRoot : 'Error', scrub);
  return read instanceof Promise
    ? read.then((r) => outcome(raw, r, kind, ok, action, service, scrub))
    : outcome(raw, read, kind, ok, action, service, scrub);
}

function outcome(
  raw: RawResponse,
  { body, errorRoot }: Read,
  kind: Kind,
  ok: boolean,
  action: ActionDescriptor,
  service: ServiceDescriptor,
  scrub: (text: string) => string,
): unknown {
  // An error envelope under a success status (an XML <Error>, or a body that is an envelope and not
  // the action's response) is still an error, never a successful body.
  if (ok && !errorRoot && !isErrorEnvelope(body, action.responseShape)) {
    if (body === undefined)
      return refused(raw, kind === 'empty' ? 'an empty body' : 'a body that is neither JSON nor XML', scrub);
    try {
      return normalize(body, action.responseShape);
    } catch (error) {
      // Say which response it was: the status and request id help whoever reports the server's bug.
      const requestId = (body as { RequestId?: unknown }).RequestId;
      throw new AcsResponseError({
        code: 'Client.MalformedResponse',
        message: scrub((error as Error).message),
        httpStatus: raw.status,
        requestId: typeof requestId === 'string' ? requestId : undefined,
      });
    }
  }
  return thrown(errorOf(raw, body, action, service, scrub));
}

async function thrown(error: Promise<AcsError>): Promise<never> {
  throw await error;
}

/** Failures only: what an error response becomes is loaded on the first one (response-error.ts). */
async function errorOf(
  raw: RawResponse,
  body: unknown,
  action: ActionDescriptor,
  service: ServiceDescriptor,
  scrub: (text: string) => string,
): Promise<AcsError> {
  const { ERROR_ENVELOPE_SHAPE, serviceError } = await import('./response-error.js');
  const envelope = body === undefined ? undefined : (normalize(body, ERROR_ENVELOPE_SHAPE) as Envelope);
  return serviceError(raw, envelope, action, service, scrub);
}

async function unreadable(
  raw: RawResponse,
  what: string,
  scrub: (text: string) => string,
): Promise<AcsError> {
  return (await import('./response-error.js')).unreadable(raw, what, scrub);
}

type Read = { body: unknown; errorRoot: boolean };

function readBody(
  raw: RawResponse,
  kind: Kind,
  xmlRoot: string,
  scrub: (text: string) => string,
): Read | Promise<Read> {
  if (kind === 'json') {
    let value: unknown;
    try {
      value = parseJson(raw.bodyText);
    } catch {
      return refused(raw, 'JSON that does not parse (truncated?)', scrub);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return refused(raw, 'JSON that is not an object', scrub);
    return { body: value, errorRoot: false };
  }
  return readOther(raw, kind, xmlRoot, scrub);
}

async function refused(raw: RawResponse, what: string, scrub: (text: string) => string): Promise<never> {
  throw await unreadable(raw, what, scrub);
}

async function readOther(
  raw: RawResponse,
  kind: Kind,
  xmlRoot: string,
  scrub: (text: string) => string,
): Promise<Read> {
  if (kind === 'xml') {
    const { parseXml } = await import('./xml.js');
    const tree = await parseXml(raw.bodyText);
    if (tree[xmlRoot] !== undefined) return { body: tree[xmlRoot], errorRoot: xmlRoot === 'Error' };
    // An error can come back under the success status too; read whichever root is there.
    if (tree.Error !== undefined) return { body: tree.Error, errorRoot: true };
    throw await unreadable(raw, `XML without a <${xmlRoot}> root`, scrub);
  }
  return { body: undefined, errorRoot: false };
}

/**
 * Whether a body read under a success status is an error envelope: it has a `Code` the action's
 * response does not declare, and none of the fields the response does declare (`RequestId` aside:
 * both carry it). A response that declares `Code` itself, or is a map, is always the response.
 */
function isErrorEnvelope(body: unknown, shape: Shape): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const code = (body as { Code?: unknown }).Code;
  if ((typeof code !== 'string' && typeof code !== 'number') || code === '') return false;
  if (shape.kind !== 'object' || shape.additional !== undefined) return false;
  const declared = shape.properties;
  if (Object.hasOwn(declared, 'Code')) return false;
  return !Object.keys(body).some((key) => key !== 'RequestId' && Object.hasOwn(declared, key));
}

function kindOf(raw: RawResponse): Kind {
  const type = (raw.headers.get('content-type') ?? '').toLowerCase();
  const text = raw.bodyText.trimStart();
  if (text === '') return 'empty';
  if (type.includes('json')) return 'json';
  if (type.includes('xml')) return 'xml';
  // No content type, or a generic one: trust the first character, but never read HTML as XML.
  if (type === '' || type.startsWith('text/plain') || type.startsWith('application/octet-stream')) {
    if (text.startsWith('{') || text.startsWith('[')) return 'json';
    if (text.startsWith('<') && !/^<(!doctype\s+html|html)/i.test(text)) return 'xml';
  }
  return 'other';
}
