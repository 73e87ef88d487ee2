// The generated validators (schemas the runtime's schema check applies) beside ajv's standalone code
// for the same schemas (what the generator shipped before), in one run, on every request and response
// validator of a spec: the time to make them at generation, the module bytes (minified, gzipped), and
// the time one request validation takes, over each action's request built from its parameter examples.
// `npx tsx bench/validators.ts [spec]` (default spec/ecs.yaml).
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { transform } from 'esbuild';
import { validatorName } from '../generator/emitters/naming.ts';
import { schemaModule } from '../generator/emitters/validators/schema-module.ts';
import { schemaChecks } from '../generator/model/check-schemas.ts';
import { DEFS_ID } from '../generator/model/json-schema.ts';
import type { ServiceModel } from '../generator/model/types.ts';
import { requestValidatorId, validatorSchemas } from '../generator/model/validation-schemas.ts';
import { modelSpec } from '../generator/pipeline.ts';

const ROOT = join(import.meta.dirname, '..');
const spec = process.argv[2] ?? 'spec/ecs.yaml';
const { model } = await modelSpec(ROOT, spec);
if (model === undefined) throw new Error(`${spec} does not model`);

/** ajv as the generator configured it for its standalone code (`standalone`), or to check in process. */
function ajvOf(m: ServiceModel, standalone: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    messages: false,
    ...(standalone ? { code: { source: true, esm: true, lines: true } } : {}),
  });
  ajv.addSchema({ $id: DEFS_ID, $defs: m.schemaDefs });
  for (const v of validatorSchemas(m)) ajv.addSchema({ $id: v.id, ...v.schema });
  return ajv;
}

async function gz(code: string): Promise<{ min: number; gz: number }> {
  const min = (await transform(code, { minify: true, format: 'esm', loader: 'js' })).code;
  return { min: min.length, gz: gzipSync(min, { level: 9 }).length };
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

for (const group of ['requests', 'responses'] as const) {
  const schemas = validatorSchemas(model).filter((v) => v.group === group);
  let start = process.hrtime.bigint();
  const ajv = ajvOf(model, true);
  const theirs = standaloneModule.default(
    ajv,
    Object.fromEntries(schemas.map((v) => [validatorName(model, v), v.id])),
  );
  const ajvMs = ms(start);
  start = process.hrtime.bigint();
  const ours = schemaModule(model, schemas);
  const oursMs = ms(start);
  const [a, o] = [await gz(theirs), await gz(ours)];
  console.log(
    `${group} (${schemas.length}): made in ${oursMs.toFixed(0)} ms (ajv ${ajvMs.toFixed(0)} ms); module ${kb(o.min)} minified, ${kb(o.gz)} gz (ajv ${kb(a.min)}, ${kb(a.gz)} gz)`,
  );
}

// One validation of each action's request, from its parameters' examples (a valid request, mostly).
const requests = model.actions.map((action) => ({
  id: requestValidatorId(action),
  value: Object.fromEntries(
    action.params.filter((p) => p.example !== undefined).map((p) => [p.name, p.example]),
  ),
}));
const ajv = ajvOf(model, false);
const checks = schemaChecks(model);
const runners = {
  'schema check': requests.map((r) => [checks(r.id)!, r.value] as const),
  'ajv (compiled)': requests.map((r) => [ajv.getSchema(r.id)!, r.value] as const),
};
// Made and run once before timing (ajv compiles on first use; the schema check on first call).
const valid = runners['schema check'].filter(([validate, value]) => validate(value)).length;
for (const [validate, value] of runners['ajv (compiled)']) validate(value);
const ROUNDS = 5;
/** Passes over the actions per round: at least 100,000 validations, whatever the spec's size. */
const PASSES = Math.max(200, Math.ceil(100_000 / requests.length));
const results: Record<string, number[]> = { 'schema check': [], 'ajv (compiled)': [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, list] of Object.entries(runners)) {
    const start = process.hrtime.bigint();
    let n = 0;
    for (let i = 0; i < PASSES; i++) for (const [validate, value] of list) validate(value) && n++;
    results[name]!.push(Number(process.hrtime.bigint() - start) / (PASSES * list.length));
  }
}
for (const [name, values] of Object.entries(results)) {
  const sorted = [...values].sort((x, y) => x - y);
  console.log(
    `${name}: ${sorted[Math.floor(ROUNDS / 2)]!.toFixed(0)} ns per request validation (median of ${ROUNDS} alternating rounds, ${sorted[0]!.toFixed(0)}–${sorted.at(-1)!.toFixed(0)}), ${requests.length} actions, ${valid} of their requests valid`,
  );
}
