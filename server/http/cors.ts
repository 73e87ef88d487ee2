// CORS, so a browser program can call the reference server: a preflight (`OPTIONS` with
// `Access-Control-Request-Method`) from an allowed origin is answered 204 with what the browser asks
// to send; every answer to an allowed origin names it, and exposes the headers a client reads. Allowed
// by default: pages served from this machine (localhost, 127.0.0.1, [::1]), the server's own world.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** `loopback` (the default): origins on this machine; `off`: none; or the origins listed exactly. */
export type CorsPolicy = 'loopback' | 'off' | readonly string[];

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/** What a client may read of an answer beyond the CORS-safelisted headers. */
const EXPOSED = 'x-acs-request-id, date';

export function allowedOrigin(policy: CorsPolicy, origin: string | undefined): string | undefined {
  if (origin === undefined || policy === 'off') return undefined;
  if (policy === 'loopback') {
    try {
      return LOOPBACK.has(new URL(origin).hostname) ? origin : undefined;
    } catch {
      return undefined;
    }
  }
  return policy.includes(origin) ? origin : undefined;
}

/** Adds the CORS headers an allowed origin needs to read the answer; true when it is a preflight,
 * which this has answered (with `date` as its Date header). */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  policy: CorsPolicy,
  date: string,
): boolean {
  const origin = allowedOrigin(policy, header(req, 'origin'));
  if (origin === undefined) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  const asked = header(req, 'access-control-request-method');
  if (req.method !== 'OPTIONS' || asked === undefined) {
    res.setHeader('access-control-expose-headers', EXPOSED);
    return false;
  }
  res.writeHead(204, {
    date,
    'access-control-allow-methods': 'GET, POST',
    // Whatever the page asks to send (authorization, the x-acs-* headers): the signature judges them.
    'access-control-allow-headers': header(req, 'access-control-request-headers') ?? '',
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
