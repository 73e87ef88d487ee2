// The `acs-rpc` command as `npm run …` runs it inside this repository: the TypeScript sources
// through tsx, no build needed.
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '../..');

/** argv (without the executable) that runs `acs-rpc` from source: `node ...CLI_ARGS <command>`. */
export const CLI_ARGS: readonly string[] = ['--import', 'tsx', join(REPO, 'cli', 'run.ts')];
