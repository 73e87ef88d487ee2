// Requests Node's HTTP parser refuses before any handler runs (headers over the size limit, broken
// HTTP): answered like every other error, InvalidParameter (400) in a JSON envelope, then closed.
import type { Socket } from 'node:net';
import { contentType } from '../protocol/render.ts';
import { ServerError } from '../protocol/server-error.ts';
import { errorResponse, newRequestId } from '../respond.ts';
import type { ServiceTable } from '../services.ts';

/** The handler for a server's `clientError` event, with the services whose error table answers. */
export function clientErrorHandler(
  table: ServiceTable,
): (error: Error & { code?: string }, socket: Socket) => void {
  return (error, socket) => answerClientError(table, error, socket);
}

function answerClientError(table: ServiceTable, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const param = error.code === 'HPE_HEADER_OVERFLOW' ? 'Header' : 'Request';
  const requestId = newRequestId();
  const { status, body } = errorResponse(
    { format: 'JSON', requestId, host: '', table, served: undefined },
    new ServerError('InvalidParameter', param),
  );
  const head = [
    `HTTP/1.1 ${status} Bad Request`,
    `Content-Type: ${contentType('JSON')}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    `Date: ${new Date().toUTCString()}`,
    `x-acs-request-id: ${requestId}`,
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  // Let the client read the answer before the socket goes; never keep it open for long.
  socket.resume();
  setTimeout(() => socket.destroy(), 1_000).unref();
}
