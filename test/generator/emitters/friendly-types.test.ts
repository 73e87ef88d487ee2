// The named types of a package: an action whose response schema is shared with another action (and so
// not named `<Action>Response`) still gets its `<Action>Response` type, and the package compiles.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../generator/pipeline.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('friendly types', () => {
  it('alias a shared response schema under each action’s response name, in a package that typechecks', async () => {
    const result = await generate({
      rootDir: ROOT,
      spec: 'test/fixtures/specs/stateful.yaml',
      out: join(ROOT, 'generated', '{package}'),
      mode: 'none',
      typecheck: true,
    });
    expect(result.diagnostics).toEqual([]);
    const types = result.files?.find((f) => f.path === 'src/types.ts')?.content ?? '';
    expect(types).toContain('export type StartThingResponse = PlainResponse;');
    expect(types).toContain('export type StopThingResponse = PlainResponse;');
  }, 60_000);
});
