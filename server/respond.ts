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

export function sendSuccess(
  res: ServerResponse,
  format: Format,
  action: ActionDescriptor,
  requestId: string,
  body: object,
): void {
  // The request's own id, never one a synthesised body made up; first, as Alibaba's answers have it.
  const ordered = withRequestId(body as Record<string, unknown>, requestId);
  res.writeHead(200, { 'content-type': contentType(format), 'x-acs-request-id': requestId });
  res.end(render(format, action.xmlRoot, action.responseShape, ordered));
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

export function sendError(res: ServerResponse, target: ErrorTarget, error: ServerError): number {
  const { status, body } = errorResponse(target, error);
  res.writeHead(status, { 'content-type': contentType(target.format), 'x-acs-request-id': target.requestId });
  res.end(body);
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
