// The load generator, in its own process: reads a job file, sends its pre-built requests as fast as `concurrency`
// connections allow for `seconds`, then prints `{ requests, errors, seconds }`.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

interface Job {
  readonly url: string;
  readonly requests: readonly { path: string; headers: Record<string, string> }[];
  readonly seconds: number;
  readonly concurrency: number;
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Job;
const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
const target = new URL(job.url);
let next = 0;
let done = 0;
let errors = 0;
const deadline = performance.now() + job.seconds * 1000;

function one(): Promise<void> {
  const req = job.requests[next++ % job.requests.length]!;
  return new Promise((resolve) => {
    const r = request(
      { host: target.hostname, port: target.port, path: req.path, headers: req.headers, agent },
      (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) done++;
          else errors++;
          resolve();
        });
      },
    );
    r.on('error', () => {
      errors++;
      resolve();
    });
    r.end();
  });
}

async function loop(): Promise<void> {
  while (performance.now() < deadline) await one();
}

const started = performance.now();
await Promise.all(Array.from({ length: job.concurrency }, loop));
agent.destroy();
console.log(JSON.stringify({ requests: done, errors, seconds: (performance.now() - started) / 1000 }));
