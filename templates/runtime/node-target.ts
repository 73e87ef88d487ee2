// Where a signed request goes, as node:http options, without parsing its URL on every call: node:http
// parses a URL string with `new URL` each time, though a client sends to one or a few origins. The
// origin is parsed once per transport; the rest is taken as it is only when URL parsing could not
// change it (no dot segments, escapes or characters it would encode), else the caller sends the URL
// string as before.
import { urlToHttpOptions } from 'node:url';
import { boundedMemo } from './memo.js';

export interface NodeTarget {
  readonly secure: boolean;
  readonly protocol: string;
  readonly hostname: string;
  readonly port: number | undefined;
  /** The Host header node:http would send: the host with its port unless the scheme's default. */
  readonly host: string;
  /** Path and query, as `new URL(url)` would give them. */
  readonly path: string;
}

/** Origins kept per transport; rotating endpoints cannot grow it without limit. */
const ORIGIN_LIMIT = 16;

/** A path of plain segments, then a non-empty query of unreserved characters and escapes: what the
 * client's own URLs are, and text URL parsing leaves as it is. */
const PLAIN_REST = /^\/[A-Za-z0-9\-_~/]*(?:\?[A-Za-z0-9\-_.~%=&]+)?$/;

type Origin = Omit<NodeTarget, 'path'>;

/** A lookup with its own origin cache (one per transport); undefined when the URL is not plain. */
export function nodeTargets(): (url: string) => NodeTarget | undefined {
  const origins = boundedMemo(ORIGIN_LIMIT, parseOrigin);
  return (url) => {
    const slash = url.indexOf('/', url.indexOf('//') + 2);
    if (slash < 0) return undefined;
    const rest = url.slice(slash);
    if (!PLAIN_REST.test(rest)) return undefined;
    const origin = origins(url.slice(0, slash));
    if (origin === null) return undefined;
    // Written out: a spread with a property after it takes V8's slow path.
    const { secure, protocol, hostname, port, host } = origin;
    return { secure, protocol, hostname, port, host, path: rest };
  };
}

/** An origin that serializes back to itself (so nothing about it is normalized), with no user info. */
function parseOrigin(text: string): Origin | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.origin !== text || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  const options = urlToHttpOptions(url);
  return {
    secure: url.protocol === 'https:',
    protocol: url.protocol,
    hostname: options.hostname ?? url.hostname,
    port: url.port === '' ? undefined : Number(url.port),
    host: url.host,
  };
}
