// Reads a request into decoded parameter pairs (query, then form body), within its limits.
import type { IncomingMessage } from 'node:http';
import { ServerError } from '../protocol/server-error.ts';
import {
  BodyRefused,
  ClientGone,
  checkCount,
  DEFAULT_LIMITS,
  type RequestLimits,
  realTimer,
  type StartTimer,
} from './limits.ts';

export interface WireRequest {
  readonly method: string;
  readonly path: string;
  /** Decoded pairs in arrival order: the query string's, then a form body's. */
  readonly query: [string, string][];
  readonly form: [string, string][];
  readonly body: string;
  /** The body's bytes as sent, which the V3 content hash covers. */
  readonly bodyBytes: Buffer;
  readonly headers: IncomingMessage['headers'];
  readonly host: string;
}

export async function readRequest(
  req: IncomingMessage,
  limits: RequestLimits = DEFAULT_LIMITS,
  timer: StartTimer = realTimer,
): Promise<WireRequest> {
  return wireRequest(req, await readBody(req, limits, timer), limits);
}

/** Whether a request has a body to read: one with neither Content-Length (but 0) nor Transfer-Encoding
 * has none (RFC 9112 §6.3), and is whole once its headers are. */
export function expectsBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

const NO_BODY = Buffer.alloc(0);

/** A request without a body (`expectsBody` false), read at once: no listener, no deadline. */
export function bodilessRequest(req: IncomingMessage, limits: RequestLimits = DEFAULT_LIMITS): WireRequest {
  return wireRequest(req, NO_BODY, limits);
}

function wireRequest(req: IncomingMessage, bodyBytes: Buffer, limits: RequestLimits): WireRequest {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const query = q < 0 ? '' : raw.slice(q + 1);
  const isForm =
    bodyBytes.length > 0 &&
    (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  checkCount(limits, query, isForm ? bodyBytes : '');
  const body = bodyBytes.length === 0 ? '' : bodyBytes.toString('utf8');
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? raw : raw.slice(0, q),
    query: decodePairs(query, limits.valueBytes),
    form: isForm ? decodePairs(body, limits.valueBytes) : [],
    body,
    bodyBytes,
    headers: req.headers,
    host: req.headers.host ?? '',
  };
}

/**
 * The body, within its size and its deadline. Past the size the rest is read and dropped, so the
 * client gets its answer rather than a reset; memory stays bounded, and the deadline bounds the time.
 */
function readBody(req: IncomingMessage, limits: RequestLimits, timer: StartTimer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: () => void) => {
      cancel();
      req.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limits.bodyBytes) chunks.push(chunk);
    };
    const onEnd = () =>
      settle(() =>
        size > limits.bodyBytes
          ? reject(BodyRefused.tooLarge(limits.bodyBytes))
          : resolve(Buffer.concat(chunks)),
      );
    // A connection closed before the end (Node: `Error: aborted`) is the client's doing, not ours.
    const onClose = () => settle(() => reject(new ClientGone()));
    const cancel = timer(limits.bodyTimeoutMs, () =>
      settle(() => reject(BodyRefused.tooSlow(limits.bodyTimeoutMs))),
    );
    req.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onClose);
  });
}

/**
 * Decodes `k=v&…` as RFC 3986 senders mean it: `%XX` escapes, and `+` as a space only where a
 * client encodes that way (form bodies of HTML forms). Alibaba's SDKs send `%20`, so `+` here is
 * taken literally, as the official SDK's signature also takes it.
 */
export function decodePairs(text: string, valueBytes = DEFAULT_LIMITS.valueBytes): [string, string][] {
  const pairs: [string, string][] = [];
  if (text === '') return pairs;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const i = pair.indexOf('=');
    const key = i < 0 ? pair : pair.slice(0, i);
    const value = i < 0 ? '' : pair.slice(i + 1);
    const decoded: [string, string] = [decodeOne(key, key), decodeOne(value, key)];
    // A UTF-16 code unit is at most 3 UTF-8 bytes: only a long part needs counting.
    if (tooLong(decoded[0], valueBytes) || tooLong(decoded[1], valueBytes)) {
      const name = decoded[0].slice(0, 64) || 'Parameter';
      throw new ServerError('InvalidParameter', name, `A parameter is longer than ${valueBytes} bytes.`);
    }
    pairs.push(decoded);
  }
  return pairs;
}

/** Text without `%` decodes to itself. */
function decodeOne(text: string, key: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ServerError('InvalidParameter', safe(key), 'A parameter is not valid percent-encoded UTF-8.');
  }
}

function tooLong(part: string, valueBytes: number): boolean {
  return part.length * 3 > valueBytes && Buffer.byteLength(part) > valueBytes;
}

function safe(key: string): string {
  return key.replace(/%[0-9a-f]{0,2}/gi, '').slice(0, 64) || 'Parameter';
}
