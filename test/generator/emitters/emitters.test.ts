// Focused-spec snapshots: one small spec, each emitter's main output kept as a readable file.
import { readdirSync, readFileSync } from 'node:fs';
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
    // The spec declares no case: no offline-cases suite, which vitest would fail for having no test.
    ['conformance', 'conformance/conformance.test.ts'],
  ])('%s emitter: %s', async (_emitter, path) => {
    await expect(files.get(path)).toMatchFileSnapshot(join('__snapshots__', 'focused', path));
  });

  const runtime = new Map((result.runtime?.files ?? []).map((f) => [f.path, f.content]));

  it.each([
    ['the package', files],
    ['the runtime package', runtime],
  ])('compiles each TypeScript source of %s to dist', (_name, given) => {
    const sources = [...given.keys()].filter(
      (p) => p.startsWith('src/') && p.endsWith('.ts') && !p.endsWith('.d.ts'),
    );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      const base = source.slice('src/'.length, -'.ts'.length);
      expect(given.has(`dist/${base}.js`), source).toBe(true);
      expect(given.has(`dist/${base}.d.ts`), source).toBe(true);
    }
  });

  it('puts every runtime template in the runtime package, beside the package, and none in the package', async () => {
    const templates = readdirSync(join(ROOT, 'templates', 'runtime')).filter((n) => n.endsWith('.ts'));
    expect([...runtime.keys()].filter((p) => /^src\/[^/]+\.ts$/.test(p))).toEqual(
      templates.map((n) => `src/${n}`).sort(),
    );
    expect(result.runtime?.dir).toBe(join(ROOT, 'tmp', 'focused', 'runtime'));
    expect([...files.keys()].filter((p) => p.includes('runtime/'))).toEqual([]);
    // The runtime of the same toolkit, by version: a `file:` path would not install from a registry.
    const kit = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(JSON.parse(files.get('package.json')!).dependencies['@acs-rpc/runtime']).toBe(kit.version);
    expect(JSON.parse(runtime.get('package.json')!)).toMatchObject({
      name: '@acs-rpc/runtime',
      sideEffects: false,
      exports: { './*.js': { types: './dist/*.d.ts', default: './dist/*.js' } },
    });
  });

  it('emits validators as pure ESM with no require()', () => {
    const code = files.get('dist/validators/requests.schemas.js') ?? '';
    expect(code).toContain('export const validateDescribeThingsRequest');
    expect(code).not.toContain('require(');
    // Nothing a bundler must keep at module level, and no dead reset of ajv's evaluation tags: the
    // request validators are one module, from which a bundle keeps the ones it uses.
    expect(code).not.toContain('evaluated');
    expect(code).not.toContain('schemaPath');
    expect([...files.keys()].filter((p) => p.startsWith('dist/validators/requests/'))).toEqual([]);
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
