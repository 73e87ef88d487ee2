// Differential test: the validators shipped in the package (schemas the runtime checks) agree with
// ajv compiling the same schemas, input by input, error by error.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as requests from '../../../generated/ecs/dist/validators/requests.schemas.js';
import * as responses from '../../../generated/ecs/dist/validators/responses.schemas.js';
import { validatorName } from '../../../generator/emitters/naming.ts';
import { validatorSchemas } from '../../../generator/model/validation-schemas.ts';
import { modelSpec } from '../../../generator/pipeline.ts';
import { oracleFor } from '../../support/ajv-oracle.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const { model } = await modelSpec(ROOT, 'spec/ecs.yaml');
const ajv = oracleFor(model!);
const compiled = { ...requests, ...responses } as unknown as Record<
  string,
  ((v: unknown) => boolean) & { errors?: unknown[] | null }
>;

function verdict(validate: ((v: unknown) => boolean) & { errors?: unknown[] | null }, value: unknown) {
  const valid = validate(value);
  const errors = (validate.errors ?? []) as { instancePath: string; keyword: string; params: unknown }[];
  return { valid, errors: valid ? [] : errors.map((e) => [e.instancePath, e.keyword, e.params]) };
}

function agree(exportName: string, id: string, value: unknown): void {
  const runtime = ajv.getSchema(id)!;
  expect(verdict(compiled[exportName]!, value)).toEqual(verdict(runtime as never, value));
}

const value = fc.oneof(
  fc.integer({ min: -5, max: 60 }),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 70 }),
  fc.constantFrom('cn-hangzhou', '', 'Running', 'Exploded', '10', 'abc'),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 105 }),
);
const requestKeys = ['RegionId', 'ZoneId', 'ClusterId', 'PageNumber', 'PageSize', 'InstanceId', 'Unknown'];
const request = fc.dictionary(fc.constantFrom(...requestKeys), value, { maxKeys: 7 });
const status = fc.record(
  { InstanceId: value, Status: fc.constantFrom('Running', 'Stopped', 'Exploded', 3) },
  { requiredKeys: [] },
);
const response = fc.record(
  {
    RequestId: value,
    TotalCount: value,
    PageNumber: value,
    PageSize: value,
    InstanceStatuses: fc.oneof(fc.record({ InstanceStatus: fc.array(status, { maxLength: 4 }) }), value),
  },
  { requiredKeys: [] },
);

describe('generated validators ≡ ajv', () => {
  const schemas = validatorSchemas(model!);

  it('covers every validator the package exports', () => {
    expect(schemas.map((s) => validatorName(model!, s)).sort()).toEqual(Object.keys(compiled).sort());
  });

  it('agrees on 300 random requests', () => {
    fc.assert(
      fc.property(request, (input) =>
        agree('validateDescribeInstanceStatusRequest', 'DescribeInstanceStatusRequest', input),
      ),
      {
        numRuns: 300,
        seed: 20261122,
      },
    );
  });

  it('agrees on 300 random responses and error envelopes', () => {
    fc.assert(
      fc.property(response, (input) => {
        agree('validateDescribeInstanceStatusResponse', 'DescribeInstanceStatusResponse', input);
        agree('validateErrorEnvelope', 'ErrorEnvelope', input);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it.each([
    [{ RegionId: 'cn-hangzhou' }],
    [{ RegionId: 'x', PageSize: 50, PageNumber: 1 }],
    [{ RegionId: '😀'.repeat(64) }],
    [{ RegionId: '😀'.repeat(65) }],
    [{}],
    [null],
    [[]],
    ['RegionId=cn-hangzhou'],
  ])('agrees on the edge case %j', (input) => {
    agree('validateDescribeInstanceStatusRequest', 'DescribeInstanceStatusRequest', input);
  });
});
