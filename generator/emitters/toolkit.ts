// The toolkit's own name and version (its package.json), for what generated code says of its origin.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Toolkit {
  readonly name: string;
  readonly version: string;
}

export async function readToolkit(rootDir: string): Promise<Toolkit> {
  const pkg = JSON.parse(await readFile(join(rootDir, 'package.json'), 'utf8')) as Toolkit;
  return { name: pkg.name, version: pkg.version };
}
