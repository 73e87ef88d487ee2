// Where the toolkit itself is installed: the folder holding its package.json and templates/. The same
// answer from the TypeScript sources (run through tsx in this repository) and from the compiled dist/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOLKIT_NAME = 'acs-rpc-kit';

export function toolkitDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === TOOLKIT_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`No ${TOOLKIT_NAME} package.json above ${from}.`);
  }
}

export function toolkitVersion(dir: string = toolkitDir()): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function readName(file: string): unknown {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}
