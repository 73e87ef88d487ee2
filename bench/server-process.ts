// The reference server in a process of its own, so a load test can read the server's memory and CPU
// and nothing else's: forked by `server-child.ts` (IPC, --expose-gc), it sends `{ url }` once
// listening and answers `'memory'`, `'cpu'` and `'stop'`.
// An argument names another server directory to load instead (a copy of an earlier commit's
// `server/` beside this repository's `templates/`, `generated/` and `spec/`), to measure a change.
import type { repositoryPackages as Packages } from '../server/packages.ts';
import type { startServer as Start } from '../server/start.ts';
import { answerParent } from './server-child.ts';

const dir = new URL(process.argv[2] ?? '../server/', import.meta.url);
const { repositoryPackages } = (await import(new URL('packages.ts', dir).href)) as {
  repositoryPackages: typeof Packages;
};
const { startServer } = (await import(new URL('start.ts', dir).href)) as { startServer: typeof Start };
const server = await startServer(await repositoryPackages());
answerParent(server.url, () => server.close());
