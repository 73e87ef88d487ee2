// Focused-spec snapshots: one small spec, each emitter's main output kept as a readable file.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../generator/pipeline.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('emitters on test/fixtures/specs/focused.yaml', async () => {
  const result = await generate({
    rootDir: ROOT,
    spec: 'test/fixtures/specs/focused.yaml',
    out: join(ROOT, 'tmp', 'focused', '{package}'),
    mode: 'none',
    typecheck: true,
  });
  const files = new Map((result.files ?? []).map((f) => [f.path, f.content]));

  it.each([
    ['types', 'src/types.ts'],
    ['validators', 'src/validators/requests.ts'],
    ['client', 'src/commands.ts'],
    ['client', 'src/bare-client.ts'],
    ['package', 'src/index.ts'],
    ['package', 'package.json'],
  ])('%s emitter: %s', async (_emitter, path) => {
    await expect(files.get(path)).toMatchFileSnapshot(join('__snapshots__', 'focused', path));
  });

  it('copies every runtime template and compiles each TypeScript source to dist', () => {
    const sources = [...files.keys()].filter(
      (p) => p.startsWith('src/') && p.endsWith('.ts') && !p.endsWith('.d.ts'),
    );
    expect(sources).toContain('src/runtime/errors.ts');
    for (const source of sources) {
      const base = source.slice('src/'.length, -'.ts'.length);
      expect(files.has(`dist/${base}.js`), source).toBe(true);
      expect(files.has(`dist/${base}.d.ts`), source).toBe(true);
    }
  });

  it('emits validators as pure ESM with no require()', () => {
    const code = files.get('src/validators/requests/DescribeThings.js') ?? '';
    expect(code).toContain('export const validateDescribeThingsRequest');
    expect(code).not.toContain('require(');
    expect(files.get('src/validators/requests.standalone.js')).toContain(
      "export { validateDescribeThingsRequest } from './requests/DescribeThings.js';",
    );
  });
});

describe('names that are not identifiers', () => {
  it('generate a package that compiles, with the wire name quoted', async () => {
    const result = await generate({
      rootDir: ROOT,
      spec: 'test/fixtures/specs/odd-names.yaml',
      out: join(ROOT, 'tmp', 'odd-names', '{package}'),
      mode: 'none',
      typecheck: true,
    });
    expect(result.diagnostics).toEqual([]);
    const types = result.files?.find((f) => f.path === 'src/types.ts')?.content ?? '';
    expect(types).toContain("readonly 'Filter.Key'?: string;");
  });
});
