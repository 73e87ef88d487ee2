// The credentials files' readers on Node (and Deno and Bun, which read files through node:fs):
// `#credentials-files` resolves here there, and to credentials-files-web.ts where there is no file
// system. Each reader still loads its node: modules only when the default chain reaches it.
export { readProfile } from './credentials-file.js';
export { readIniProfile } from './credentials-ini.js';
