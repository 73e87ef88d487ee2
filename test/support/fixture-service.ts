// A fixture spec generated in the test (`generate({ mode: 'none' })`) and its compiled package written
// under node_modules/.cache, where its imports (ajv, fast-xml-parser) resolve, then imported: what a
// server gets from any generated package, for a product the toolkit has never seen.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from '../../generator/pipeline.ts';
import type { ServiceFacts } from '../../server/services.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface FixturePackage {
  /** Where the package was written: `dist/` (and, when asked, the sources and tsconfig.json). */
  readonly dir: string;
  readonly facts: ServiceFacts;
  /** The package's main module (its client class and descriptors). */
  readonly main: Record<string, unknown>;
  remove(): Promise<void>;
}

export async function fixturePackage(
  spec: string,
  options: { readonly sources?: boolean } = {},
): Promise<FixturePackage> {
  const result = await generate({
    rootDir: ROOT,
    spec,
    out: join(ROOT, 'generated', '{package}'),
    mode: 'none',
    typecheck: true,
  });
  if (result.files === undefined)
    throw new Error(`${spec}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  const dir = join(ROOT, 'node_modules', '.cache', 'acs-rpc-fixtures', `${process.pid}-${Date.now()}`);
  for (const file of result.files) {
    if (!file.path.startsWith('dist/') && !options.sources) continue;
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.content);
  }
  if (!options.sources) await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  const load = async (path: string) =>
    (await import(pathToFileURL(join(dir, path)).href)) as Record<string, unknown>;
  return {
    dir,
    facts: (await load('dist/conformance/facts.js')).conformanceFacts as ServiceFacts,
    main: await load('dist/index.js'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
