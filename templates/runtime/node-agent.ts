// Keep-alive agents whose idle sockets close after a while, with each socket's timer armed once:
// node:http's own `timeout` option re-arms it around every request (each request listens to the
// socket's timeout and clears it at its end, and the agent sets it again when the socket is freed),
// which cost ≈ 3 µs a call at 16 in flight (bench/per-call-ab.ts). Here a freed socket keeps its
// timer; no request listens to it, and the agent closes a socket that times out only while it is
// free (as node:http does), so a slow answer is never cut short by it.
import type { Agent as HttpAgent, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** `agent` (made without the `timeout` option) closing each socket idle for `idleMs`, or for less
 * when the server's `Keep-Alive: timeout=N` says it closes sooner (a second before, as node:http
 * does). The rest is node:http's own keepSocketAlive: TCP keep-alive on, and the socket unref'd so
 * an idle one does not keep the process alive. */
export function closingIdle<A extends HttpAgent>(agent: A, idleMs: number): A {
  const keeping = agent as unknown as Keeping;
  keeping.keepSocketAlive = (socket: Socket) => {
    socket.setKeepAlive(true, keeping.keepAliveMsecs);
    socket.unref();
    const ms = Math.min(idleMs, hintedMs(socket));
    // A server about to close the connection: not kept, as node:http would not keep it.
    if (ms <= 0) return false;
    if (socket.timeout !== ms) socket.setTimeout(ms);
    return true;
  };
  return agent;
}

/** What node:http calls when a request is done with its socket (documented as overridable, declared
 * by @types/node as returning nothing): whether to keep the socket for the next request. */
interface Keeping {
  keepSocketAlive(socket: Socket): boolean;
  /** The agent's `keepAliveMsecs` option, 1000 by default. */
  readonly keepAliveMsecs: number;
}

/** node:http's reading of the hint: `timeout=N` at the head of the last response's Keep-Alive. */
function hintedMs(socket: Socket): number {
  const res = (socket as Socket & { _httpMessage?: { res?: IncomingMessage } })._httpMessage?.res;
  const hint = res?.headers['keep-alive'];
  const seconds = typeof hint === 'string' ? /^timeout=(\d+)/.exec(hint)?.[1] : undefined;
  return seconds === undefined ? Number.POSITIVE_INFINITY : Math.max(Number(seconds) * 1000 - 1000, 0);
}
