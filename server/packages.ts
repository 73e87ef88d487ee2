// The repository's generated packages, for `acs-rpc serve` and `npm start`: every `generated/<pkg>`
// with a built conformance module, and its seed `spec/seeds/<pkg>.yaml` when there is one.
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServiceFacts } from './services.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Packages {
  readonly services: ServiceFacts[];
  /** Seed files, one per package that has one. */
  readonly seeds: string[];
}

export async function repositoryPackages(root: string = ROOT): Promise<Packages> {
  const generated = join(root, 'generated');
  const names = (await readdir(generated, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const services: ServiceFacts[] = [];
  const seeds: string[] = [];
  for (const name of names) {
    const facts = join(generated, name, 'dist', 'conformance', 'facts.js');
    if (!(await exists(facts))) continue;
    services.push(
      ((await import(pathToFileURL(facts).href)) as { conformanceFacts: ServiceFacts }).conformanceFacts,
    );
    const seed = join(root, 'spec', 'seeds', `${name}.yaml`);
    if (await exists(seed)) seeds.push(seed);
  }
  if (services.length === 0) throw new Error(`no generated package under ${generated}; run npm run generate`);
  return { services, seeds };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
