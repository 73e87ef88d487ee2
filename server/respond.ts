// Writing answers: success bodies and error envelopes, in the requested format, each with a unique
// RequestId; the error's status and message come from the spec's error table.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type ActionDescriptor, ecsErrorMessages, ecsService } from '@acs-rpc/ecs';
import { contentType, ERROR_SHAPE, type Format, render } from './protocol/render.ts';
import type { ServerError } from './protocol/server-error.ts';

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
  const value = { RequestId: requestId, ...body };
  res.writeHead(200, { 'content-type': contentType(format), 'x-acs-request-id': requestId });
  res.end(render(format, action.xmlRoot, action.responseShape, value));
}

export function sendError(
  res: ServerResponse,
  format: Format,
  requestId: string,
  host: string,
  error: ServerError,
): number {
  const { status, body } = errorResponse(format, requestId, host, error);
  res.writeHead(status, { 'content-type': contentType(format), 'x-acs-request-id': requestId });
  res.end(body);
  return status;
}

/** The status the spec pairs with the code, and the envelope with the code's documented message. */
export function errorResponse(
  format: Format,
  requestId: string,
  host: string,
  error: ServerError,
): { status: number; body: string } {
  const known = ecsService.errors[error.code];
  const template = ecsErrorMessages[error.code] ?? error.message;
  const envelope = {
    RequestId: requestId,
    HostId: host,
    Code: error.code,
    Message: template.replace('{Name}', error.param ?? ''),
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${ecsService.product}`,
  };
  return { status: known?.httpStatus ?? 500, body: render(format, 'Error', ERROR_SHAPE, envelope) };
}
