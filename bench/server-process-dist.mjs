// The compiled reference server (`npm run build`: dist/server/, what the installed `acs-rpc serve`
// runs) in a process of its own, in plain Node: no TypeScript loader, no source maps. Driven over IPC
// as `server-process.ts` is (server-child.ts): sends `{ url }` once listening, answers `'memory'`,
// `'cpu'` and `'stop'`. An argument names another compiled server directory (default dist/server/).
import { fileURLToPath } from 'node:url';

const dir = new URL(process.argv[2] ?? '../dist/server/', import.meta.url);
const { repositoryPackages } = await import(new URL('packages.js', dir).href);
const { startServer } = await import(new URL('start.js', dir).href);
// The packages and seeds are this repository's (dist/ holds the toolkit, not generated/).
const root = fileURLToPath(new URL('..', import.meta.url));
const server = await startServer(await repositoryPackages(root));
process.send?.({ url: server.url });
process.on('message', (message) => {
  if (message === 'memory') {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ memory: { rss, heapUsed } });
  }
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (message === 'stop') void server.close().then(() => process.exit(0));
});
