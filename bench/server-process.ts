// The reference server in a process of its own, so a load test can read the server's memory and
// nothing else's: forked with IPC (and --expose-gc), it sends `{ url }` once listening, answers
// `'memory'` with `{ memory: { rss, heapUsed } }` (bytes, after a full collection, so what is left is
// what the server holds), and stops on `'stop'`.
// An argument names another server directory to load instead (a copy of an earlier commit's
// `server/` beside this repository's `templates/`, `generated/` and `spec/`), to measure a change.
import type { repositoryPackages as Packages } from '../server/packages.ts';
import type { startServer as Start } from '../server/start.ts';

const dir = new URL(process.argv[2] ?? '../server/', import.meta.url);
const { repositoryPackages } = (await import(new URL('packages.ts', dir).href)) as {
  repositoryPackages: typeof Packages;
};
const { startServer } = (await import(new URL('start.ts', dir).href)) as { startServer: typeof Start };
const server = await startServer(await repositoryPackages());
process.send?.({ url: server.url });
process.on('message', (message) => {
  if (message === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ memory: { rss, heapUsed } });
  }
  if (message === 'stop') void server.close().then(() => process.exit(0));
});
