// openapi-typescript's transform run without its Redocly lint and bundle gives what `openapiTS()`
// gives, byte for byte, on the document of every focused spec and a product's.
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { openapiDocument } from '../../../generator/emitters/types/openapi-document.ts';
import { openapiTypes } from '../../../generator/emitters/types/openapi-types.ts';
import { modelSpec } from '../../../generator/pipeline.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SPECS = [
  'test/fixtures/specs/focused.yaml',
  'test/fixtures/specs/kiosk.yaml',
  'test/fixtures/specs/maps.yaml',
  'test/fixtures/specs/odd-names.yaml',
  'test/fixtures/specs/stateful.yaml',
  'test/fixtures/specs/structured.yaml',
  'spec/sts.yaml',
  'spec/vpc.yaml',
];

describe('openapiTypes', () => {
  it.each(SPECS)("gives openapiTS()'s output for %s", async (spec) => {
    const { model } = await modelSpec(ROOT, spec);
    if (model === undefined) throw new Error(`${spec} does not model`);
    const document = openapiDocument(model) as unknown as OpenAPI3;
    const whole = astToString(await openapiTS(structuredClone(document), { silent: true }));
    expect(openapiTypes(document)).toBe(whole);
  });

  it('follows a discriminator as openapiTS() does', async () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 'Pets', version: '1' },
      paths: {},
      components: {
        schemas: {
          Pet: {
            oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
            discriminator: { propertyName: 'kind' },
          },
          Cat: { type: 'object', properties: { kind: { type: 'string' }, lives: { type: 'integer' } } },
          Dog: { type: 'object', properties: { kind: { type: 'string' } }, required: ['kind'] },
        },
      },
    } as unknown as OpenAPI3;
    const whole = astToString(await openapiTS(structuredClone(document), { silent: true }));
    expect(openapiTypes(document)).toBe(whole);
  });
});
