// The `acs-rpc` command as `npm run …` runs it inside this repository: the TypeScript sources
// through tsx, no build needed.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO = join(import.meta.dirname, '../..');

/** tsx's loader, by absolute URL so the command can run in any folder. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** argv (without the executable) that runs `acs-rpc` from source: `node ...CLI_ARGS <command>`. */
export const CLI_ARGS: readonly string[] = ['--import', TSX, join(REPO, 'cli', 'run.ts')];
