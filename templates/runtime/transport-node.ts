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
import { closingIdle } from './node-agent.js';
import { RawHeaders } from './node-headers.js';
import { type NodeTarget, nodeTargets } from './node-target.js';
import type { SignedRequest } from './sign-request.js';
import type { RawResponse, SendOptions, Transport } from './transport.js';
import {
  abortError,
  DEFAULT_MAX_RESPONSE_BYTES,
  networkError,
  timeoutError,
  tooLargeError,
} from './transport-errors.js';

/** Idle connections are closed after this long: before servers' usual keep-alive timeouts (Node's is
 * 5 s), so a request rarely meets a connection the server is closing. */
const IDLE_SOCKET_MS = 4000;

/** A transport with its own keep-alive agents (idle sockets do not keep the process alive). */
export function nodeTransport(): Transport {
  const options = { keepAlive: true };
  const io: NodeIo = {
    http: closingIdle(new HttpAgent(options), IDLE_SOCKET_MS),
    https: closingIdle(new HttpsAgent(options), IDLE_SOCKET_MS),
    targets: nodeTargets(),
    // Whole bodies only (never `stream: true`), so one decoder serves every call.
    decoder: new TextDecoder(),
  };
  return (request, options) => sendNode(io, request, options);
}

/** What a transport keeps between calls: its sockets, the origins it has parsed, its decoder. */
interface NodeIo {
  readonly http: HttpAgent;
  readonly https: HttpsAgent;
  readonly targets: (url: string) => NodeTarget | undefined;
  readonly decoder: TextDecoder;
}

function sendNode(io: NodeIo, request: SignedRequest, options: SendOptions): Promise<RawResponse> {
  if (options.signal?.aborted) return Promise.reject(abortError());
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const target = io.targets(request.url);
  const secure = target?.secure ?? request.url.startsWith('https:');
  const agent = secure ? io.https : io.http;
  const length = request.body === undefined ? undefined : Buffer.byteLength(request.body);
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
      const send = secure ? httpsRequest : httpRequest;
      const sent =
        target === undefined
          ? send(request.url, { method: request.method, headers: headerObject(request, length), agent })
          : send({
              protocol: target.protocol,
              hostname: target.hostname,
              port: target.port,
              path: target.path,
              method: request.method,
              headers: headerList(request, length, target.host) ?? headerObject(request, length),
              agent,
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
        readBody(res, limit, io.decoder).then(
          (bodyText) =>
            finish(undefined, {
              status: res.statusCode ?? 0,
              headers: new RawHeaders(res.rawHeaders),
              bodyText,
            }),
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

/** The request's headers, then Content-Length when it has a body; node:http adds Host. */
function headerObject(request: SignedRequest, length: number | undefined): Record<string, string | number> {
  const headers: Record<string, string | number> = { ...request.headers };
  if (length !== undefined) headers['content-length'] = length;
  return headers;
}

/** The same headers as a flat list, in the same order, then the Host node:http would add: node:http
 * writes a list as it is, checking each name and value as setHeader does, without building its
 * header map first. Only for lower-case names other than host and content-length (what the signer
 * makes): with others, setHeader's merging of names that differ in case or repeat one we add, and
 * its own Host, decide as before. */
function headerList(request: SignedRequest, length: number | undefined, host: string): string[] | undefined {
  const list: string[] = [];
  for (const name in request.headers) {
    if (!Object.hasOwn(request.headers, name)) continue;
    if (!LOWER_NAME.test(name) || name === 'host' || name === 'content-length') return undefined;
    list.push(name, request.headers[name]!);
  }
  if (length !== undefined) list.push('content-length', String(length));
  list.push('Host', host);
  return list;
}

const LOWER_NAME = /^[a-z0-9-]+$/;

function isReset(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}

/** The body as UTF-8 text (a leading BOM dropped, as fetch's text() does), refused as soon as it
 * passes `limit` bytes or at once when its Content-Length says it will. */
function readBody(res: IncomingMessage, limit: number, decoder: TextDecoder): Promise<string> {
  const tooLarge = () => {
    const id = new RawHeaders(res.rawHeaders).get('x-acs-request-id');
    return tooLargeError(limit, res.statusCode ?? 0, id ?? undefined);
  };
  return new Promise((resolve, reject) => {
    if (Number(new RawHeaders(res.rawHeaders).get('content-length') ?? 0) > limit) {
      res.destroy();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        res.destroy();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    // One decode of the whole body reads exactly as decoding it chunk by chunk.
    res.on('end', () =>
      resolve(decoder.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size))),
    );
    // A socket closed mid-body (res 'aborted'/'error'): the request's own 'error' names why.
    res.on('error', (error) => reject(networkError(error)));
  });
}
