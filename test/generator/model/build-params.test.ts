// Parameters of the model (generator/model/build-params.ts): each style as the spec says it, the
// value's shape for serializers and servers, and the request-side form of int64.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelSpec } from '../../../generator/pipeline.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const { model } = await modelSpec(ROOT, 'test/fixtures/specs/structured.yaml');
const params = new Map(model!.actions[0]!.params.map((p) => [p.name, p]));
const str = { kind: 'string' };

describe('buildParams', () => {
  it.each<[string, { style: string; shape: unknown }]>([
    ['RegionId', { style: 'scalar', shape: str }],
    ['OwnerId', { style: 'scalar', shape: { kind: 'int64' } }],
    [
      'Tag',
      {
        style: 'repeatList',
        shape: { kind: 'array', items: { kind: 'object', properties: { Key: str, Value: str } } },
      },
    ],
    [
      'NetworkInterface',
      {
        style: 'repeatList',
        shape: {
          kind: 'array',
          items: {
            kind: 'object',
            properties: {
              VSwitchId: str,
              SecurityGroupIds: { kind: 'array', items: str, xmlItemName: 'SecurityGroupIds' },
            },
          },
        },
      },
    ],
    [
      'Config',
      { style: 'flat', shape: { kind: 'object', properties: { Reason: str, Level: { kind: 'integer' } } } },
    ],
    ['Zones', { style: 'simple', shape: { kind: 'array', items: str } }],
  ])('%s', (name, want) => {
    expect(params.get(name)).toMatchObject(want);
  });

  it('gives a request int64 the safe-number-or-decimal-text schema', () => {
    expect(params.get('OwnerId')?.schema).toEqual({
      type: ['integer', 'string'],
      pattern: '^-?(0|[1-9][0-9]{0,18})$',
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
    });
  });

  it('gives a response int64 a decimal-text schema', () => {
    const response = model!.schemaDefs.CreateShapeResponse as { properties: Record<string, unknown> };
    expect(response.properties.ShapeId).toEqual({ type: 'string', pattern: '^-?(0|[1-9][0-9]{0,18})$' });
  });
});
