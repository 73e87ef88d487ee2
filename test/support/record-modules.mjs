// Preloaded with `--import` into a command run as a child process: records every module the process
// loads, one URL or path a line, in the file named by ACS_RPC_RECORD_MODULES. ES modules are seen
// through a loader hook (whatever loads them, tsx included); CommonJS modules (what a package such as
// ts-morph requires, typescript among them) through the require cache, read when the process exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.ACS_RPC_RECORD_MODULES;
if (file !== undefined) {
  register(new URL('./record-modules-hooks.mjs', import.meta.url), { data: { file } });
  const cache = createRequire(import.meta.url).cache;
  process.on('exit', () => appendFileSync(file, `${Object.keys(cache).join('\n')}\n`));
}
