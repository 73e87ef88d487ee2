// Requests no handler sees, answered like every other error in an envelope, then closed: those
// Node's HTTP parser refuses (headers over the size limit, broken HTTP, headers too slow), as
// InvalidParameter (400), and CONNECT, which Node hands to a `connect` listener or else drops
// without a word, as UnsupportedHTTPMethod.
import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { formatOfUrl } from '../protocol/format.ts';
import type { Format } from '../protocol/render.ts';
import { contentType } from '../protocol/render.ts';
import { ServerError } from '../protocol/server-error.ts';
import { errorResponse, newRequestId } from '../respond.ts';
import type { ServiceTable } from '../services.ts';

/** The handler for a server's `clientError` event, with the services whose error table answers. */
export function clientErrorHandler(
  table: ServiceTable,
): (error: Error & { code?: string }, socket: Duplex) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const param = error.code === 'HPE_HEADER_OVERFLOW' ? 'Header' : 'Request';
    answerOnSocket(table, socket, new ServerError('InvalidParameter', param), 'JSON', '');
  };
}

/** The handler for a server's `connect` event: CONNECT is a method the API does not support. */
export function connectHandler(table: ServiceTable): (req: IncomingMessage, socket: Duplex) => void {
  return (req, socket) => {
    const format = formatOfUrl(req.url ?? '', req.headers);
    answerOnSocket(table, socket, new ServerError('UnsupportedHTTPMethod'), format, req.headers.host ?? '');
  };
}

function answerOnSocket(
  table: ServiceTable,
  socket: Duplex,
  error: ServerError,
  format: Format,
  host: string,
): void {
  const requestId = newRequestId();
  const { status, body } = errorResponse({ format, requestId, host, table, served: undefined }, error);
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    `Content-Type: ${contentType(format)}`,
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
