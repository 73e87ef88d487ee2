// Idle keep-alive sockets close after a while, their timer armed once per socket rather than around
// every request (node-agent.ts): against a server on 127.0.0.1, a socket kept across requests is
// given its timeout once, honours the server's Keep-Alive hint as node:http does, closes when its
// timer fires while free, and a request in flight is not cut short when it fires then.
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { closingIdle } from '../../../templates/runtime/node-agent.ts';

let hint: string | [string, string][] | undefined;
let hold: (() => void) | undefined;
const server = createServer((req, res) => {
  req.resume();
  const answer = () => {
    res.writeHead(200, hint === undefined ? {} : typeof hint === 'string' ? { 'keep-alive': hint } : hint);
    res.end('{}');
  };
  if (req.url === '/held') hold = answer;
  else answer();
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((done) => server.close(done)));

/** One GET through `agent`: the socket it went over, once its answer is read. */
function get(agent: Agent, path = '/', during?: (socket: Socket) => void): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => setImmediate(() => resolve(req.socket as Socket)));
    });
    req.on('socket', (socket) => during?.(socket as Socket));
    req.on('error', reject);
    req.end();
  });
}

/** The socket's setTimeout calls, counted. */
function counted(socket: Socket): { calls: number[] } {
  const seen = { calls: [] as number[] };
  const original = socket.setTimeout.bind(socket);
  socket.setTimeout = ((ms: number, callback?: () => void) => {
    seen.calls.push(ms);
    return original(ms, callback);
  }) as Socket['setTimeout'];
  return seen;
}

describe('closingIdle', () => {
  it('arms a kept socket’s idle timer once, not around every request', async () => {
    hint = undefined;
    const agent = closingIdle(new Agent({ keepAlive: true }), 4000);
    const socket = await get(agent);
    expect(socket.timeout).toBe(4000);
    const seen = counted(socket);
    for (let i = 0; i < 5; i++) expect(await get(agent)).toBe(socket);
    expect(seen.calls).toEqual([]);
    expect(socket.timeout).toBe(4000);
    agent.destroy();
  });

  it('closes sooner when the server’s Keep-Alive says it will (the first, in any case), and keeps no socket it is about to close', async () => {
    const agent = closingIdle(new Agent({ keepAlive: true }), 4000);
    hint = 'timeout=3';
    const socket = await get(agent);
    expect(socket.timeout).toBe(2000);
    hint = [
      ['Keep-Alive', 'timeout=2'],
      ['keep-alive', 'timeout=60'],
    ];
    expect(await get(agent)).toBe(socket);
    expect(socket.timeout).toBe(1000);
    hint = 'timeout=1';
    expect(await get(agent)).toBe(socket);
    expect(socket.destroyed).toBe(true);
    hint = 'timeout=60';
    const next = await get(agent);
    expect(next).not.toBe(socket);
    expect(next.timeout).toBe(4000);
    agent.destroy();
  });

  it('closes a free socket when its timer fires, and leaves one in use alone', async () => {
    hint = undefined;
    const agent = closingIdle(new Agent({ keepAlive: true }), 4000);
    const socket = await get(agent);
    let inUse: Socket | undefined;
    const held = get(agent, '/held', (s) => {
      inUse = s;
    });
    await new Promise((done) => setImmediate(done));
    await new Promise((done) => setImmediate(done));
    expect(inUse).toBe(socket);
    socket.emit('timeout');
    expect(socket.destroyed).toBe(false);
    hold?.();
    expect(await held).toBe(socket);
    socket.emit('timeout');
    expect(socket.destroyed).toBe(true);
    agent.destroy();
  });
});
