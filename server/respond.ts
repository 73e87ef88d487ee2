// Writing answers: success bodies and error envelopes, in the requested format, each with a unique
// RequestId; the error's status and message come from the spec's error table.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ActionDescriptor } from '../templates/runtime/descriptors.ts';
import { contentType, ERROR_SHAPE, type Format, render } from './protocol/render.ts';
import type { ServerError } from './protocol/server-error.ts';
import type { Served, ServiceTable } from './services.ts';

export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** What every answer's head carries beside its status. */
export interface AnswerHead {
  readonly format: Format;
  readonly requestId: string;
  /** The Date header: the server's clock, which the timestamp window is checked against. */
  readonly date: string;
}

export function sendSuccess(
  res: ServerResponse,
  head: AnswerHead,
  action: ActionDescriptor,
  body: object,
): void {
  // The request's own id, never one a synthesised body made up; first, as Alibaba's answers have it.
  const ordered = withRequestId(body as Record<string, unknown>, head.requestId);
  send(res, 200, head, render(head.format, action.xmlRoot, action.responseShape, ordered));
}

/** The whole answer at once, with its length: node:http then writes head and body in one piece rather
 * than as chunks, and takes its fast path for headers given to writeHead alone (none set before). */
function send(res: ServerResponse, status: number, head: AnswerHead, body: string): void {
  res.writeHead(status, {
    date: head.date,
    'content-type': contentType(head.format),
    'content-length': Buffer.byteLength(body),
    'x-acs-request-id': head.requestId,
  });
  res.end(body);
}

/** The body (made for this answer alone) with `RequestId` first: set in place when it is first
 * already, else a copy with it first. */
function withRequestId(body: Record<string, unknown>, requestId: string): Record<string, unknown> {
  for (const first in body) {
    if (first !== 'RequestId' || !Object.hasOwn(body, first)) break;
    body.RequestId = requestId;
    return body;
  }
  const { RequestId: _made, ...rest } = body;
  return { RequestId: requestId, ...rest };
}

export interface ErrorTarget {
  readonly format: Format;
  readonly requestId: string;
  readonly host: string;
  readonly table: ServiceTable;
  /** The service the request was routed to, once known. */
  readonly served: Served | undefined;
}

export function sendError(res: ServerResponse, target: ErrorTarget & AnswerHead, error: ServerError): number {
  const { status, body } = errorResponse(target, error);
  send(res, status, target, body);
  return status;
}

/** The status the spec pairs with the code, and the envelope with the code's documented message. */
export function errorResponse(target: ErrorTarget, error: ServerError): { status: number; body: string } {
  const { known, message, product } = target.table.error(error.code, target.served);
  const envelope = {
    RequestId: target.requestId,
    HostId: target.host,
    Code: error.code,
    // A replacer function, so a name as sent (`InstanceId.$&`) is never read as a replacement pattern.
    Message: (message ?? error.message).replace('{Name}', () => error.param ?? ''),
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${product}`,
  };
  return {
    status: known?.httpStatus ?? 500,
    body: render(target.format, 'Error', ERROR_SHAPE, envelope),
  };
}
