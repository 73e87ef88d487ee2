// The reference server's own JavaScript per signed V3 call, without HTTP or a kernel in the way: its
// request listener (captured from node:http's createServer) is handed prepared requests and a response
// that records what it is given, one after another, and the process's CPU time is divided by the
// calls. Each call is the throughput bench's (server-throughput.ts): the same action, its own nonce,
// signed with the server's signer. A digest of every body (its RequestId masked) says whether two
// servers answered alike.
//   npx tsx bench/server-listener.ts [server dir ...]   (default: this repository's server/)
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { signatureV3 } from '../server/auth/sign.ts';
import { signRequest } from '../templates/runtime/sign-request.ts';
import { BENCH_KEYS, benchCall } from './presign.ts';

type Listener = (req: object, res: object) => void;

const ROOT = join(import.meta.dirname, '..');
const CALLS = Number(process.env.CALLS ?? 20_000);
const WARM_UP = 2_000;
const dirs = process.argv.length > 2 ? process.argv.slice(2) : [join(ROOT, 'server')];

for (const dir of dirs) console.log(JSON.stringify({ dir, ...(await measure(resolve(dir))) }));

async function measure(dir: string) {
  const listener = await captureListener(dir);
  const signed = await Promise.all(
    Array.from({ length: CALLS + WARM_UP }, (_, i) => signedCall(listener.url, i)),
  );
  const bodies = createHash('sha256');
  for (const call of signed.slice(0, WARM_UP)) await send(listener.handle, call);
  const cpu = process.cpuUsage();
  for (const call of signed.slice(WARM_UP)) bodies.update(await send(listener.handle, call));
  const used = process.cpuUsage(cpu);
  await listener.close();
  return {
    microsPerCall: Number(((used.user + used.system) / CALLS).toFixed(1)),
    bodies: bodies.digest('hex').slice(0, 16),
  };
}

/** Starts the server of `dir` and keeps the listener it gives node:http. */
async function captureListener(dir: string) {
  let handle: Listener | undefined;
  const create = http.createServer;
  const capture = (options: http.ServerOptions, listener: Listener) => {
    handle = listener;
    return create(options, listener as http.RequestListener);
  };
  (http as { createServer: unknown }).createServer = capture;
  syncBuiltinESMExports();
  try {
    const base = pathToFileURL(`${dir}/`);
    const { repositoryPackages } = await import(new URL('packages.ts', base).href);
    const { startServer } = await import(new URL('start.ts', base).href);
    const server = await startServer(await repositoryPackages(ROOT));
    return { url: server.url as string, handle: handle!, close: () => server.close() as Promise<void> };
  } finally {
    (http as { createServer: unknown }).createServer = create;
    syncBuiltinESMExports();
  }
}

interface SignedCall {
  readonly url: string;
  readonly headers: Record<string, string>;
}

/** The throughput bench's call, nonce `n`, signed by the runtime (the first) or re-signed. */
async function signedCall(url: string, n: number): Promise<SignedCall> {
  const endpoint = new URL(url);
  const request = await signRequest(benchCall(endpoint), BENCH_KEYS, {
    signatureVersion: 'v3',
    now: new Date(),
    nonce: `listener-${process.pid}-${n}`,
  });
  const path = request.url.slice(url.length);
  const headers: Record<string, string> = { ...request.headers, host: endpoint.host };
  const signedList = /SignedHeaders=([^,]+)/.exec(headers.authorization ?? '')?.[1]?.split(';') ?? [];
  const query = [...new URLSearchParams(path.slice(path.indexOf('?') + 1))];
  const signature = signatureV3(
    {
      method: 'GET',
      path: '/',
      query,
      headers: Object.fromEntries(signedList.map((h) => [h, headers[h] ?? ''])),
      hashedPayload: headers['x-acs-content-sha256'] ?? '',
    },
    'testsecret',
  );
  headers.authorization = (headers.authorization ?? '').replace(
    /Signature=[0-9a-f]+$/,
    `Signature=${signature}`,
  );
  return { url: path, headers };
}

/** One call through the listener; its body, RequestId masked. */
function send(handle: Listener, call: SignedCall): Promise<string> {
  return new Promise((done, fail) => {
    const req = Object.assign(new EventEmitter(), {
      headers: call.headers,
      url: call.url,
      method: 'GET',
      httpVersion: '1.1',
      socket: { destroy() {} },
    });
    let status = 0;
    let requestId = '';
    const res = {
      headersSent: false,
      destroyed: false,
      statusCode: 200,
      setHeader() {},
      writeHead(code: number, headers: Record<string, string>) {
        status = code;
        res.statusCode = code;
        res.headersSent = true;
        requestId = headers['x-acs-request-id'] ?? '';
      },
      end(body = '') {
        if (status === 200) done(body.replaceAll(requestId, '<RequestId>'));
        else fail(new Error(`the server answered ${status}: ${body}`));
      },
    };
    handle(req, res);
    // A request with a body would wait for its end; these have none.
    req.emit('end');
  });
}
