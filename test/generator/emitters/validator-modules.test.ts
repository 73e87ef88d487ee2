// How the validators are laid out in modules: one module per group, each validator its schema as
// data marked pure (a bundler keeps only what a program uses), shared definitions as constants a
// `$ref` returns, so a schema that refers to itself is checked to any depth, as ajv checks it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runtimeModule } from '../../../generator/emitters/naming.ts';
import { validatorsEmitter } from '../../../generator/emitters/validators/index.ts';
import type { ServiceModel } from '../../../generator/model/types.ts';
import { modelSpec } from '../../../generator/pipeline.ts';
import type { SchemaValidate } from '../../../templates/runtime/validation.ts';
import { oracleFor } from '../../support/ajv-oracle.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const { model } = await modelSpec(ROOT, 'test/fixtures/specs/focused.yaml');
await mkdir(join(ROOT, 'tmp'), { recursive: true });
const dir = await mkdtemp(join(ROOT, 'tmp', 'validator-modules-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function jsFiles(m: ServiceModel): Promise<Map<string, string>> {
  const files = await validatorsEmitter.emit({ model: m, rootDir: ROOT });
  return new Map(files.filter((f) => f.path.endsWith('.js')).map((f) => [f.path, f.content]));
}

/** A generated module, importing the runtime's schema check from its template. */
async function load(code: string, name: string): Promise<Record<string, SchemaValidate>> {
  const check = pathToFileURL(join(ROOT, 'templates', 'runtime', 'schema-check.ts')).href;
  const file = join(dir, `${name}.mjs`);
  await writeFile(file, code.replace(JSON.stringify(runtimeModule('schema-check')), JSON.stringify(check)));
  return import(pathToFileURL(file).href);
}

describe('validator modules', () => {
  it('are one module per group, each validator pure data for the runtime', async () => {
    const files = await jsFiles(model!);
    expect([...files.keys()]).toEqual([
      'dist/validators/requests.schemas.js',
      'dist/validators/responses.schemas.js',
    ]);
    const requests = files.get('dist/validators/requests.schemas.js')!;
    expect(requests).toContain('export const validateDescribeThingsRequest = /*#__PURE__*/ v({');
    expect(requests).not.toMatch(/function|description|example/);
  });

  it('check a schema that refers to itself to any depth, as ajv does', async () => {
    const tree = {
      type: 'object',
      properties: {
        Name: { type: 'string', minLength: 1 },
        Kids: { type: 'array', items: { $ref: 'defs#/$defs/Tree' } },
      },
      required: ['Name'],
      additionalProperties: false,
    };
    const [first, ...rest] = model!.actions;
    const treed: ServiceModel = {
      ...model!,
      schemaDefs: { ...model!.schemaDefs, Tree: tree },
      actions: [{ ...first!, responseSchema: 'Tree' }, ...rest],
    };
    const files = await jsFiles(treed);
    const code = files.get('dist/validators/responses.schemas.js')!;
    expect(code).toMatch(/const (s\d+) = \{.*"\$ref":\(\) => \1\b/);
    const validators = await load(code, 'recursive');
    const name = 'validateDescribeThingsResponse';
    const oracle = oracleFor(treed).getSchema(`${first!.name}Response`)!;
    for (const value of [
      { Name: 'root', Kids: [{ Name: 'a', Kids: [{ Name: 'b', Kids: [] }] }] },
      { Name: 'root', Kids: [{ Name: 'a', Kids: [{ Name: '', Kids: [{ Extra: 1 }] }] }] },
      { Kids: 'no' },
    ]) {
      const valid = validators[name]!(value);
      expect(valid).toBe(oracle(value));
      expect(validators[name]!.errors ?? null).toEqual(
        oracle.errors?.map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params })) ??
          null,
      );
    }
  });
});
