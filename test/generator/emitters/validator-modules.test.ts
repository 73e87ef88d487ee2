// How the request validators are laid out in modules: one module when a bundler can drop the ones a
// program does not use (every spec so far), a module per action when ajv's code holds a statement at
// module level no bundler may drop (an evaluation tag, which `unevaluatedProperties` needs).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatorsEmitter } from '../../../generator/emitters/validators/index.ts';
import type { ServiceModel } from '../../../generator/model/types.ts';
import { createAjv } from '../../../generator/model/validation-schemas.ts';
import { modelSpec } from '../../../generator/pipeline.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const { model } = await modelSpec(ROOT, 'test/fixtures/specs/focused.yaml');

async function jsFiles(m: ServiceModel): Promise<Map<string, string>> {
  const files = await validatorsEmitter.emit({
    model: m,
    rootDir: ROOT,
    ajv: createAjv(m, { standalone: true }),
  });
  return new Map(files.filter((f) => f.path.endsWith('.js')).map((f) => [f.path, f.content]));
}

describe('request validator modules', () => {
  it('are one module when nothing in it must stay in a bundle', async () => {
    const files = await jsFiles(model!);
    expect([...files.keys()].filter((p) => p.includes('requests'))).toEqual([
      'dist/validators/requests.standalone.js',
    ]);
    expect(files.get('dist/validators/requests.standalone.js')).toContain(
      'export const validateDescribeThingsRequest',
    );
  });

  it('are a module per action, re-exported, when ajv tags what a validator evaluated', async () => {
    const [first, ...rest] = model!.actions;
    const param = first!.params[0]!;
    const tagged: ServiceModel = {
      ...model!,
      actions: [
        {
          ...first!,
          params: [
            {
              ...param,
              schema: { type: 'object', properties: { a: { type: 'string' } }, unevaluatedProperties: false },
            },
            ...first!.params.slice(1),
          ],
        },
        ...rest,
      ],
    };
    const files = await jsFiles(tagged);
    const perAction = [...files.keys()].filter((p) => p.startsWith('dist/validators/requests/'));
    expect(perAction).toHaveLength(tagged.actions.length);
    expect(files.get('dist/validators/requests.standalone.js')).toContain(
      `export { validateDescribeThingsRequest } from './requests/DescribeThings.js';`,
    );
  });
});
