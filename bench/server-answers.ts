// Does a change to the reference server keep its answers? Every request of a whole conformance run
// (each generated package's suite, every check, the seed's values) goes through a proxy to this
// repository's server and to another `server/` directory's (an earlier commit's copy beside this
// repository's templates/, generated/ and spec/, as for server-throughput.ts), one request at a time
// so both see the same sequence; the two answers are compared byte for byte: status, headers in order,
// body. Only what differs by design is masked: each answer's own RequestId (header and body) and the
// Date header; the framing headers (Content-Length, Transfer-Encoding) are left out, the body that
// either delimits being compared whole.
//   npx tsx bench/server-answers.ts <other server dir> [package ...]
import { existsSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_HEADER_BYTES } from '../server/start.ts';
import { loadSeed, seedValues } from '../server/state/seed.ts';
import type { RunOptions, RunResult } from '../templates/conformance/runner.ts';
import type { ConformanceFacts, Target } from '../templates/conformance/types.ts';

interface Answer {
  readonly status: number;
  readonly headers: readonly string[];
  readonly body: Buffer;
}

interface Comparison {
  compared: number;
  readonly differences: string[];
}

const ROOT = join(import.meta.dirname, '..');
/** How the body is delimited on the wire: node:http chunks an answer written without a length. */
const FRAMING = new Set(['content-length', 'transfer-encoding']);
const [otherDir, ...only] = process.argv.slice(2);
if (otherDir === undefined) throw new Error('usage: server-answers.ts <other server dir> [package ...]');

const load = async (dir: string) => {
  const url = pathToFileURL(`${resolve(dir)}/`);
  const { repositoryPackages } = await import(new URL('packages.ts', url).href);
  const { startServer } = await import(new URL('start.ts', url).href);
  return startServer(await repositoryPackages(ROOT));
};
const ours = await load(join(ROOT, 'server'));
const theirs = await load(otherDir);
const comparison: Comparison = { compared: 0, differences: [] };
const proxy = await startComparing(ours.url, theirs.url, comparison);
let checks = 0;
let failed = 0;
for (const name of readdirSync(join(ROOT, 'generated')).sort()) {
  const main = join(ROOT, 'generated', name, 'dist', 'conformance', 'main.js');
  if (!existsSync(main) || (only.length > 0 && !only.includes(name))) continue;
  const suite = (await import(pathToFileURL(main).href)) as {
    conformanceFacts: ConformanceFacts;
    runChecks: (f: ConformanceFacts, t: Target, o: RunOptions) => Promise<RunResult>;
  };
  // The seed's regions and zones, as `acs-rpc start` gives them to the suite.
  const seed = join(ROOT, 'spec', 'seeds', `${name}.yaml`);
  const values = existsSync(seed) ? seedValues(await loadSeed(seed)) : {};
  const target = { endpoint: proxy.url, accessKeyId: 'testid', accessKeySecret: 'testsecret', values };
  const result = await suite.runChecks(suite.conformanceFacts, target, {
    seed: 1,
    authChecks: true,
    concurrency: 4,
  });
  checks += result.outcomes.length;
  const failures = result.outcomes.filter((o) => o.failure !== undefined);
  failed += failures.length;
  for (const o of failures.slice(0, 5)) console.log(`  failed: ${o.id}: ${o.failure?.message.slice(0, 200)}`);
  console.log(`${name}: ${result.outcomes.length} checks; ${comparison.compared} answers compared so far`);
}
await proxy.close();
await ours.close();
await theirs.close();
console.log(
  `${comparison.compared} answers compared with ${otherDir}: ${comparison.differences.length} differ (${checks} checks, ${failed} failed against this server)`,
);
for (const d of comparison.differences.slice(0, 10)) console.log(d);
process.exitCode = comparison.differences.length === 0 ? 0 : 1;

/** The comparing proxy: answers with this server's answer, after asking both, one request at a time. */
async function startComparing(a: string, b: string, into: Comparison) {
  let queue: Promise<unknown> = Promise.resolve();
  // Headers as large as the reference server takes (its MAX_HEADER_BYTES), so the proxy refuses none.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const turn = queue.then(async () => {
        const mine = await forward(a, req, body);
        const other = await forward(b, req, body);
        into.compared++;
        const difference = differ(mine, other);
        if (difference !== undefined) into.differences.push(`${req.method} ${actionOf(req)}: ${difference}`);
        return mine;
      });
      queue = turn.catch(() => {});
      void turn.then(
        (mine) => {
          res.writeHead(mine.status, mine.headers as string[]);
          res.end(mine.body);
        },
        () => res.socket?.destroy(),
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function forward(upstream: string, req: IncomingMessage, body: Buffer): Promise<Answer> {
  const { hostname, port } = new URL(upstream);
  return new Promise((done, fail) => {
    const out = request(
      // The headers as sent, Host included: it is signed.
      {
        hostname,
        port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent: false,
        maxHeaderSize: MAX_HEADER_BYTES,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.rawHeaders, body: Buffer.concat(chunks) }),
        );
        res.on('error', fail);
      },
    );
    out.on('error', fail);
    out.end(body);
  });
}

/** The action a request names (never its URL, which holds a signature). */
function actionOf(req: IncomingMessage): string {
  const header = req.headers['x-acs-action'];
  if (typeof header === 'string') return header;
  return new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('Action') ?? '-';
}

/** Where two answers differ, once each answer's own request id and the date are masked and the body's
 * framing (Content-Length or chunked) left out, the body itself being compared whole; else undefined. */
function differ(x: Answer, y: Answer): string | undefined {
  const [mx, my] = [masked(x), masked(y)];
  if (mx.status !== my.status) return `status ${mx.status} vs ${my.status}`;
  if (mx.headers !== my.headers) return `headers ${mx.headers} vs ${my.headers}`;
  if (mx.body !== my.body) return `body ${mx.body.slice(0, 300)} vs ${my.body.slice(0, 300)}`;
  return undefined;
}

function masked(answer: Answer): { status: number; headers: string; body: string } {
  const id = answer.headers[answer.headers.findIndex((h) => h.toLowerCase() === 'x-acs-request-id') + 1];
  const headers: string[] = [];
  for (let i = 0; i < answer.headers.length; i += 2) {
    const name = answer.headers[i]!.toLowerCase();
    if (FRAMING.has(name)) continue;
    const value = name === 'date' || name === 'x-acs-request-id' ? '*' : answer.headers[i + 1]!;
    headers.push(`${name}: ${value}`);
  }
  const text = answer.body.toString('latin1');
  return {
    status: answer.status,
    headers: headers.join('\n'),
    body: id === undefined ? text : text.replaceAll(id, '<RequestId>'),
  };
}
