// A server in a process of its own (`server-process.ts` or `fixed-server.ts`), driven over IPC: it
// sends `{ url }` once listening, answers `'memory'` (after a full collection when started with
// --expose-gc) and `'cpu'` (its process.cpuUsage(), µs), and exits on `'stop'`. Measuring the
// server's own process keeps the load generator's and the bench's work out of its figures.
import { fork } from 'node:child_process';

export interface Memory {
  readonly rss: number;
  readonly heapUsed: number;
}

export interface ServerChild {
  readonly url: string;
  readonly pid: number;
  memory(): Promise<Memory>;
  /** User plus system CPU time of the server's process so far, in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

/** `file` runs under tsx unless it is plain JavaScript (`.mjs`, `.js`); `nodeOptions` are added to
 * node's own (e.g. `--perf-basic-prof`). */
export function forkServer(
  file: string,
  args: readonly string[] = [],
  nodeOptions: readonly string[] = [],
): Promise<ServerChild> {
  const plain = file.endsWith('.mjs') || file.endsWith('.js');
  const child = fork(file, args, {
    execArgv: [...(plain ? [] : ['--import', 'tsx']), '--expose-gc', ...nodeOptions],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const reply = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: Record<string, T>) => {
        if (typeof message !== 'object' || message === null || !(key in message)) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message[key]!);
      };
      const onExit = (code: number | null) => reject(new Error(`the server process exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ask = <T>(key: string) => {
    const answer = reply<T>(key);
    child.send(key);
    return answer;
  };
  return reply<string>('url').then((url) => ({
    url,
    pid: child.pid!,
    memory: () => ask<Memory>('memory'),
    cpuMicros: () => ask<{ user: number; system: number }>('cpu').then((c) => c.user + c.system),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  }));
}

/** The child's side: answers the parent's `'memory'`, `'cpu'` and `'stop'` messages. */
export function answerParent(url: string, stop: () => Promise<void>): void {
  process.send?.({ url });
  process.on('message', (message) => {
    if (message === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      process.send?.({ memory: { rss, heapUsed } });
    }
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
    if (message === 'stop') void stop().then(() => process.exit(0));
  });
}
