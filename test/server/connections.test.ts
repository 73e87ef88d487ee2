// Requests that do not go as HTTP requests usually go (issue 13, item 8): a client that goes away
// mid-body, a body that never ends, CONNECT and a Host-less HTTP/1.1 request. Sent on raw sockets,
// since fetch and node:http will not send most of them; no test waits for a real deadline.
import { connect, type Socket } from 'node:net';
import { validateErrorEnvelope } from '@acs-rpc/ecs/validators';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../server/http/limits.ts';
import { startEcsServer } from '../support/ecs-server.ts';

interface Deadline {
  readonly ms: number;
  readonly fire: () => void;
  cancelled: boolean;
}

/** A deadline the test fires itself; `next()` resolves with the next one the server starts. */
function fakeTimer() {
  const started: Deadline[] = [];
  const waiting: ((d: Deadline) => void)[] = [];
  return {
    started,
    timer: (ms: number, fire: () => void) => {
      const deadline: Deadline = { ms, fire, cancelled: false };
      started.push(deadline);
      waiting.shift()?.(deadline);
      return () => {
        deadline.cancelled = true;
      };
    },
    next: (): Promise<Deadline> => new Promise((resolve) => waiting.push(resolve)),
  };
}

const log: string[] = [];
const logged: (() => void)[] = [];
const deadlines = fakeTimer();
const server = await startEcsServer({
  accessLog: (line) => {
    log.push(line);
    logged.shift()?.();
  },
  timer: deadlines.timer,
});
afterAll(() => server.close());
const { port } = new URL(server.url);

function open(): Socket {
  return connect(Number(port), '127.0.0.1');
}

/** Everything the server sends until it closes the connection. */
function answer(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(text));
  });
}

function parse(text: string): { status: number; headers: string; body: Record<string, unknown> } {
  const split = text.indexOf('\r\n\r\n');
  const headers = text.slice(0, split).toLowerCase();
  let body = text.slice(split + 4);
  if (headers.includes('transfer-encoding: chunked')) body = unchunk(body);
  return {
    status: Number(headers.split(' ')[1]),
    headers,
    body: JSON.parse(body) as Record<string, unknown>,
  };
}

function unchunk(text: string): string {
  let out = '';
  for (let at = 0; ; ) {
    const eol = text.indexOf('\r\n', at);
    const size = Number.parseInt(text.slice(at, eol), 16);
    if (!(size > 0)) return out;
    out += text.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
}

const FORM_HEAD = [
  'POST / HTTP/1.1',
  'Host: 127.0.0.1',
  'Content-Type: application/x-www-form-urlencoded',
  'Content-Length: 100',
];

describe('a client that goes away mid-body', () => {
  it('is logged with no status and no internal error (was `internal error: aborted` and 200)', async () => {
    log.length = 0;
    const socket = open();
    const gone = new Promise<void>((resolve) => logged.push(resolve));
    // Expect: 100-continue: the 100 says the server is reading the body.
    socket.write(`${[...FORM_HEAD, 'Expect: 100-continue'].join('\r\n')}\r\n\r\n`);
    await new Promise((resolve) => socket.once('data', resolve));
    socket.end('Action=Des');
    socket.destroy();
    await gone;
    expect(log).toEqual([expect.stringMatching(/^POST - - \d+ms [0-9A-F-]{36}$/)]);
  });
});

describe('a body that never ends', () => {
  it(`is answered at the documented ${DEFAULT_LIMITS.bodyTimeoutMs / 1000} s: InvalidParameter naming Body, then the connection closes`, async () => {
    const socket = open();
    const started = deadlines.next();
    const closed = answer(socket);
    socket.write(`${FORM_HEAD.join('\r\n')}\r\n\r\nAction=Des`);
    const deadline = await started;
    expect(deadline.ms).toBe(30_000);
    deadline.fire();
    const a = parse(await closed);
    expect(a.status).toBe(400);
    expect(a.body).toMatchObject({
      Code: 'InvalidParameter',
      Message: 'The specified parameter "Body" is not valid.',
    });
    expect(validateErrorEnvelope(a.body)).toEqual([]);
    expect(a.headers).toContain('connection: close');
  });

  it('is not cut short when it ends in time: its deadline is cancelled', async () => {
    const started = deadlines.next();
    const r = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeRegions',
    });
    expect((await r.json()).Code).toBe('MissingParameter');
    expect((await started).cancelled).toBe(true);
  });

  it('a request without a body is whole with its headers: no deadline is started for it', async () => {
    const before = deadlines.started.length;
    const r = await fetch(`${server.url}/?Action=DescribeRegions`);
    expect((await r.json()).Code).toBe('MissingParameter');
    expect(deadlines.started.length).toBe(before);
  });

  it('takes its deadline from the start options', async () => {
    const own = fakeTimer();
    const quick = await startEcsServer({ timer: own.timer, limits: { bodyTimeoutMs: 50 } });
    try {
      const started = own.next();
      await fetch(`${quick.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=DescribeRegions',
      });
      expect((await started).ms).toBe(50);
    } finally {
      await quick.close();
    }
  });
});

describe('requests Node answers by itself unless told otherwise', () => {
  it('CONNECT gets UnsupportedHTTPMethod in an envelope (was a closed connection)', async () => {
    const socket = open();
    const closed = answer(socket);
    socket.write('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    const a = parse(await closed);
    expect(a.status).toBe(400);
    expect(a.body).toMatchObject({ Code: 'UnsupportedHTTPMethod', HostId: 'example.com:443' });
    expect(validateErrorEnvelope(a.body)).toEqual([]);
  });

  it('an HTTP/1.1 request without Host gets InvalidParameter naming Host (was a bare 400)', async () => {
    const socket = open();
    const closed = answer(socket);
    socket.write('GET /?Action=DescribeRegions HTTP/1.1\r\nConnection: close\r\n\r\n');
    const a = parse(await closed);
    expect(a.status).toBe(400);
    expect(a.body).toMatchObject({
      Code: 'InvalidParameter',
      Message: 'The specified parameter "Host" is not valid.',
      HostId: '',
    });
    expect(validateErrorEnvelope(a.body)).toEqual([]);
  });

  it('an HTTP/1.0 request without Host is served (HTTP/1.0 has no Host)', async () => {
    const socket = open();
    const closed = answer(socket);
    socket.write('GET /?Action=DescribeRegions HTTP/1.0\r\n\r\n');
    const a = parse(await closed);
    expect(a.body).toMatchObject({ Code: 'MissingParameter', HostId: '' });
  });
});
