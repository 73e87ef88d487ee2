// Every diagnostic the check stage knows has a fixture spec and its exact expected output.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelSpec } from '../../../generator/pipeline.ts';
import { formatDiagnostic } from '../../../generator/shared/diagnostic.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DIR = 'test/fixtures/diagnostics';
const fixtures = readdirSync(join(ROOT, DIR))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('diagnostics', () => {
  it.each(fixtures)('%s reports exactly what its .expected.txt says', async (fixture) => {
    const result = await modelSpec(ROOT, `${DIR}/${fixture}`);
    const expected = readFileSync(join(ROOT, DIR, fixture.replace(/\.yaml$/, '.expected.txt')), 'utf8');
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic).join('\n')).toBe(expected.trimEnd());
  });

  it('gives every diagnostic a file, a line, a column and a pointer', async () => {
    for (const fixture of fixtures) {
      const { diagnostics } = await modelSpec(ROOT, `${DIR}/${fixture}`);
      expect(diagnostics.length).toBeGreaterThan(0);
      for (const d of diagnostics) {
        expect(d).toMatchObject({ severity: 'error', file: `${DIR}/${fixture}` });
        expect(d.line).toBeGreaterThan(0);
        expect(d.column).toBeGreaterThan(0);
        expect(typeof d.pointer).toBe('string');
      }
    }
  });

  it('covers each diagnostic code the generator can raise', async () => {
    const codes = new Set<string>();
    for (const fixture of fixtures) {
      for (const d of (await modelSpec(ROOT, `${DIR}/${fixture}`)).diagnostics) codes.add(d.code);
    }
    expect([...codes].sort()).toEqual([
      'action.duplicate',
      'binding.invalid',
      'binding.missing',
      'binding.pagination',
      'error.conflict',
      'example.invalid',
      'openapi.invalid',
      'openapi.version',
      'param.duplicate',
      'param.header',
      'param.style',
      'ref.external',
      'ref.unresolved',
      'schema.invalid',
      'schema.unsupported',
      'state.id-param',
      'state.items',
      'state.resource',
      'state.unknown-error',
      'state.unknown-state',
      'waiter.invalid',
      'yaml.syntax',
    ]);
  });

  it('accepts the focused spec and the real ECS spec without a diagnostic', async () => {
    for (const spec of [
      'test/fixtures/specs/focused.yaml',
      'test/fixtures/specs/stateful.yaml',
      'test/fixtures/specs/kiosk.yaml',
      'spec/ecs.yaml',
    ]) {
      const result = await modelSpec(ROOT, spec);
      expect(result.diagnostics).toEqual([]);
      expect(result.model?.actions.length).toBeGreaterThan(0);
    }
  });

  it('reports a missing spec file as a diagnostic, not a crash', async () => {
    const result = await modelSpec(ROOT, 'spec/does-not-exist.yaml');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'spec/does-not-exist.yaml:1:1 - error spec.unreadable: Cannot read the spec: file not found',
    ]);
  });
});
