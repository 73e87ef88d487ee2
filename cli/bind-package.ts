// Until the reference server takes its services as an argument, it imports "the generated package"
// by name; this binds that import to the package chosen by --spec or --package. Must run before the
// server is first imported, and binds once per process.
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GeneratedPackage } from './package-source.ts';

export function bindServerPackage(pkg: GeneratedPackage): void {
  register(new URL('./resolve-package.js', import.meta.url), {
    data: {
      name: pkg.name,
      packageJsonUrl: pathToFileURL(join(pkg.dir, 'package.json')).href,
      scope: new URL('../server/', import.meta.url).href,
    },
  });
}

/** The package's conformance entry, loaded from where it was generated. */
export async function loadConformance(pkg: GeneratedPackage): Promise<ConformanceEntry> {
  return (await import(
    pathToFileURL(join(pkg.dir, 'dist', 'conformance', 'main.js')).href
  )) as ConformanceEntry;
}

export interface ConformanceEntry {
  main(argv: readonly string[], program: string): Promise<number>;
}
