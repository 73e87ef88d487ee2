// The `acs-rpc` command as `npm run …` runs it inside this repository: the TypeScript sources
// through tsx, no build needed.
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO = join(import.meta.dirname, '../..');

/** tsx's loader, by absolute URL so the command can run in any folder. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** argv (without the executable) that runs `acs-rpc` from source: `node ...CLI_ARGS <command>`. */
export const CLI_ARGS: readonly string[] = ['--import', TSX, join(REPO, 'cli', 'run.ts')];

/** The first line a command prints (a server's `listening on <url>`); rejects when it exits first. */
export function firstLine(child: ChildProcess): Promise<string> {
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] as string);
    });
    child.on('exit', (code) =>
      reject(new Error(`exited ${code} before printing a line: ${err.slice(-2000)}`)),
    );
  });
}
