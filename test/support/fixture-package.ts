// Generates a fixture spec's package into tmp/ and imports its compiled entry, so a test can use a
// generated package for a spec that is not one of the products under spec/.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from '../../generator/pipeline.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export interface FixturePackage<T> {
  readonly module: T;
  readonly files: ReadonlyMap<string, string>;
  /** Imports another compiled module of the package, e.g. `validators/responses.js`. */
  load<M>(path: string): Promise<M>;
}

export async function fixturePackage<T>(spec: string): Promise<FixturePackage<T>> {
  const name = spec.replace(/^.*\//, '').replace(/\.yaml$/, '');
  const result = await generate({
    rootDir: ROOT,
    spec,
    out: join(ROOT, 'tmp', name, '{package}'),
    mode: 'write',
    typecheck: true,
  });
  if (result.packageDir === undefined)
    throw new Error(`${spec} does not generate: ${JSON.stringify(result.diagnostics)}`);
  const dir = result.packageDir;
  const load = async <M>(path: string) => (await import(pathToFileURL(join(dir, 'dist', path)).href)) as M;
  return {
    module: await load<T>('index.js'),
    files: new Map((result.files ?? []).map((f) => [f.path, f.content])),
    load,
  };
}
