// Every generated package's spec-declared cases, offline: its own serializer, validator and parser
// must give what its spec says (wire order, wire-named refusals, parsed responses).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const GENERATED = join(import.meta.dirname, '..', '..', 'generated');
// The product packages: the runtime package beside them has no conformance suite.
const packages = readdirSync(GENERATED, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(GENERATED, e.name, 'dist', 'conformance', 'main.js')))
  .map((e) => e.name)
  .sort();

interface OfflineCase {
  readonly id: string;
  run(): Promise<void>;
}

describe.each(packages)('generated/%s', async (name) => {
  const main = join(GENERATED, name, 'dist', 'conformance', 'main.js');
  const { declaredCases } = (await import(pathToFileURL(main).href)) as { declaredCases(): OfflineCase[] };
  const cases = declaredCases();

  it('declares cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    await c.run();
  });
});
