// What a command needs from a generated package: its spec facts (which the reference server serves),
// its conformance runner, and the seed of its state model when the project has one: by convention
// `seeds/<package>.yaml` beside the spec (spec/seeds/<package>.yaml for spec/<package>.yaml).
import { access } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServiceFacts } from '../server/services.ts';
import type { GeneratedPackage } from './package-source.ts';

export interface ConformanceEntry {
  main(argv: readonly string[], program: string): Promise<number>;
}

/** The package's conformance entry, loaded from where it was generated. */
export async function loadConformance(pkg: GeneratedPackage): Promise<ConformanceEntry> {
  return (await import(
    pathToFileURL(join(pkg.dir, 'dist', 'conformance', 'main.js')).href
  )) as ConformanceEntry;
}

/** The facts the reference server serves the package from. */
export async function loadFacts(pkg: GeneratedPackage): Promise<ServiceFacts> {
  const module = (await import(pathToFileURL(join(pkg.dir, 'dist', 'conformance', 'facts.js')).href)) as {
    conformanceFacts: ServiceFacts;
  };
  return module.conformanceFacts;
}

/** `seeds/<package folder>.yaml` beside the spec, if the project has one. */
export async function seedBeside(
  spec: string | undefined,
  pkg: GeneratedPackage,
): Promise<string | undefined> {
  if (spec === undefined) return undefined;
  const seed = join(dirname(spec), 'seeds', `${basename(pkg.dir)}.yaml`);
  return access(seed).then(
    () => seed,
    () => undefined,
  );
}
