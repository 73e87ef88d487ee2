// One HTTP attempt over node:http / node:https with a keep-alive agent per client: on Node, fetch's
// streams and promises cost several times the socket's own work per call. Held to transport.ts's
// behaviour (the same tests run against both): the caller's signal and the timeout, the size limit and
// Content-Length precheck, typed errors, redirects returned rather than followed.
import {
  type ClientRequest,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { AcsError } from './errors.js';
import { abortError } from './retry.js';
import type { SignedRequest } from './sign-request.js';
import type { RawResponse, SendOptions, Transport } from './transport.js';
import { DEFAULT_MAX_RESPONSE_BYTES, networkError, timeoutError, tooLargeError } from './transport-errors.js';

/** Idle connections are closed after this long: before servers' usual keep-alive timeouts (Node's is
 * 5 s), so a request rarely meets a connection the server is closing. */
const IDLE_SOCKET_MS = 4000;

/** A transport with its own keep-alive agents (idle sockets do not keep the process alive). */
export function nodeTransport(): Transport {
  const options = { keepAlive: true, timeout: IDLE_SOCKET_MS };
  const agents = { http: new HttpAgent(options), https: new HttpsAgent(options) };
  return (request, options) => sendNode(agents, request, options);
}

function sendNode(
  agents: { readonly http: HttpAgent; readonly https: HttpsAgent },
  request: SignedRequest,
  options: SendOptions,
): Promise<RawResponse> {
  if (options.signal?.aborted) return Promise.reject(abortError());
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const secure = request.url.startsWith('https:');
  const headers: Record<string, string | number> = { ...request.headers };
  if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
  return new Promise<RawResponse>((resolve, reject) => {
    let req: ClientRequest | undefined;
    let settled = false;
    const finish = (error: unknown, response?: RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (response !== undefined) resolve(response);
      else {
        req?.destroy();
        reject(error);
      }
    };
    const start = (retried: boolean) => {
      let answered = false;
      const sent = (secure ? httpsRequest : httpRequest)(request.url, {
        method: request.method,
        headers,
        agent: secure ? agents.https : agents.http,
      });
      req = sent;
      sent.on('error', (error) => {
        // A kept-alive connection the server closed while it sat idle fails at once, before any
        // answer: the request never reached the server, so it goes again on a new connection (once).
        if (!settled && !answered && !retried && sent.reusedSocket && isReset(error)) return start(true);
        finish(error instanceof AcsError ? error : networkError(error));
      });
      sent.on('response', (res) => {
        answered = true;
        readBody(res, limit).then(
          (bodyText) => finish(undefined, { status: res.statusCode ?? 0, headers: toHeaders(res), bodyText }),
          (error: unknown) => finish(error),
        );
      });
      sent.end(request.body);
    };
    const timer = setTimeout(() => finish(timeoutError(options.timeoutMs)), options.timeoutMs);
    const onAbort = () => finish(abortError());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    start(false);
  });
}

function isReset(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}

/** The body as UTF-8 text (a leading BOM dropped, as fetch's text() does), refused as soon as it
 * passes `limit` bytes or at once when its Content-Length says it will. */
function readBody(res: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => {
    const id = res.headers['x-acs-request-id'];
    return tooLargeError(limit, res.statusCode ?? 0, typeof id === 'string' ? id : undefined);
  };
  return new Promise((resolve, reject) => {
    if (Number(res.headers['content-length'] ?? 0) > limit) {
      res.destroy();
      reject(tooLarge());
      return;
    }
    const decoder = new TextDecoder();
    let size = 0;
    let text = '';
    res.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        res.destroy();
        reject(tooLarge());
        return;
      }
      text += decoder.decode(chunk, { stream: true });
    });
    res.on('end', () => resolve(text + decoder.decode()));
    // A socket closed mid-body (res 'aborted'/'error'): the request's own 'error' names why.
    res.on('error', (error) => reject(networkError(error)));
  });
}

/** The response's headers as fetch gives them: repeated ones joined with ", ". */
function toHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}
