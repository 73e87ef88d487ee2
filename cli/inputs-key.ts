// What a generated package is made from, as one key: the spec and its base (their bytes) and the
// toolkit's own files (its version and its generator and templates). The same key means the same
// package; `serve --spec` caches by it and `generate` skips a package whose key has not changed.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from './exit-codes.ts';

/** The key of `spec`'s package as the toolkit in `kit` generates it. */
export async function inputsKey(spec: string, kit: string): Promise<string> {
  const { specInputs } = await import('../generator/load/load-spec.ts');
  const inputs = await specInputs(spec).catch(() => {
    throw new UsageError(`Cannot read the spec ${spec}.`);
  });
  const hash = createHash('sha256');
  // The spec and its base: a change to either is another package.
  for (const input of inputs) hash.update(await readFile(input).catch(() => `missing ${input}`));
  return hash
    .update(await toolkitFingerprint(kit))
    .digest('hex')
    .slice(0, 16);
}

/** What generated code depends on besides the spec: the toolkit's version and its generator files. */
async function toolkitFingerprint(kit: string): Promise<string> {
  const hash = createHash('sha256').update(await readFile(join(kit, 'package.json')));
  for (const folder of ['generator', 'dist/generator', 'templates']) {
    const entries = await readdir(join(kit, folder), { recursive: true }).catch(() => [] as string[]);
    for (const entry of entries.sort()) {
      const info = await stat(join(kit, folder, entry));
      if (info.isFile()) hash.update(`${folder}/${entry}:${info.size}:${info.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}
