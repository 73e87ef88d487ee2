// `acs-rpc import`: Alibaba's metadata → our spec format. Each mapping on a made-up product, the
// warnings for what cannot be mapped, determinism, and a real product (captcha) end to end.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatDiagnostic } from '../../generator/shared/diagnostic.ts';
import { importMetadata } from '../../importer/import-metadata.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'openmeta');
const widgets = join(FIXTURES, 'widgets@2020-01-01.json');
// The spec is walked by key in assertions; a precise type would only restate the YAML.
// biome-ignore lint/suspicious/noExplicitAny: test-only access into parsed YAML
type Json = Record<string, any>;

const imported = await importMetadata(widgets, 'spec/widgets.yaml');
const spec = parse(imported.text ?? '') as Json;
const describeWidgets = spec.paths['/DescribeWidgets'].get as Json;
const resize = spec.paths['/ResizeWidget'].post as Json;
const param = (op: Json, name: string) => (op.parameters as Json[]).find((p) => p.name === name) as Json;

describe('importMetadata on a made-up product', () => {
  it('is deterministic: the same metadata gives the same bytes', async () => {
    expect((await importMetadata(widgets, 'spec/widgets.yaml')).text).toBe(imported.text);
  });

  it('names the service after the product and infers its endpoints', () => {
    expect(spec['x-acs-service']).toMatchObject({
      product: 'Widgets',
      package: 'widgets',
      clientName: 'Widgets',
      apiVersion: '2020-01-01',
      endpoints: {
        regional: 'widgets.{RegionId}.aliyuncs.com',
        central: 'widgets.aliyuncs.com',
        centralRegions: ['cn-wuhan'],
      },
    });
  });

  it.each<[string, { given: () => unknown; want: unknown }]>([
    [
      'numbers written as strings become numbers',
      {
        given: () => param(describeWidgets, 'PageSize').schema,
        want: { type: 'integer', format: 'int32', minimum: 1, maximum: 50, default: 10 },
      },
    ],
    [
      'required moves from the schema to the parameter',
      { given: () => param(describeWidgets, 'RegionId').required, want: true },
    ],
    [
      'the example moves beside the schema, typed',
      { given: () => param(describeWidgets, 'PageNumber').example, want: 1 },
    ],
    [
      'a repeat list keeps its style and bounds',
      {
        given: () => [
          param(describeWidgets, 'WidgetId')['x-acs-style'],
          param(describeWidgets, 'WidgetId').schema.maxItems,
        ],
        want: ['repeatList', 20],
      },
    ],
    [
      'a repeat list of objects keeps its item schema',
      {
        given: () => param(describeWidgets, 'Tag').schema.items.properties,
        want: { Key: { type: 'string' }, Value: { type: 'string' } },
      },
    ],
    [
      'a scalar has no style',
      { given: () => 'x-acs-style' in param(describeWidgets, 'RegionId'), want: false },
    ],
    [
      'form-body parameters make POST the default method',
      { given: () => resize['x-acs-rpc'].methods, want: ['POST', 'GET'] },
    ],
    ['form-body parameters are marked', { given: () => param(resize, 'Size')['x-acs-in'], want: 'formData' }],
    [
      'reads (operationType list/get) are idempotent',
      { given: () => describeWidgets['x-acs-rpc'].idempotent, want: true },
    ],
    ['updates are not', { given: () => resize['x-acs-rpc'].idempotent, want: false }],
    [
      'page-number pagination is inferred from the one list',
      {
        given: () => describeWidgets['x-acs-rpc'].pagination,
        want: {
          style: 'pageNumber',
          pageNumber: 'PageNumber',
          pageSize: 'PageSize',
          totalCount: 'TotalCount',
          items: 'Widgets.Widget',
        },
      },
    ],
    [
      'errors keep their HTTP status, trimmed, first listing wins',
      {
        given: () => describeWidgets['x-acs-rpc'].errors,
        want: {
          'InvalidWidgetId.Malformed': { httpStatus: 400, message: 'The widget id is malformed.' },
          'InvalidWidgetId.NotFound': { httpStatus: 404, message: 'No such widget.' },
        },
      },
    ],
    [
      'the response schema is a component with XML names',
      {
        given: () => spec.components.schemas.DescribeWidgetsResponse.xml,
        want: { name: 'DescribeWidgetsResponse' },
      },
    ],
    [
      'a list repeats unwrapped under its own name',
      {
        given: () => spec.components.schemas.DescribeWidgetsResponse.properties.Widgets.properties.Widget.xml,
        want: { wrapped: false },
      },
    ],
    [
      'required response fields are listed on their parent',
      {
        given: () =>
          spec.components.schemas.DescribeWidgetsResponse.properties.Widgets.properties.Widget.items.required,
        want: ['WidgetId'],
      },
    ],
    [
      'the JSON and XML demos become examples',
      {
        given: () =>
          ['application/json', 'application/xml'].map(
            (m) => describeWidgets.responses['200'].content[m].examples?.metadata !== undefined,
          ),
        want: [true, true],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(given()).toEqual(want);
  });

  it('reports what it cannot map, naming the action and the parameter', () => {
    const warnings = imported.diagnostics
      .filter((d) => d.code === 'import.unmapped')
      .map((d) => `${d.pointer}: ${d.message}`);
    expect(warnings).toEqual([
      '/endpoints: region eu-odd-1 is served at widgets-eu.example.aliyuncs.com, which the endpoint rules cannot express (regional widgets.{RegionId}.aliyuncs.com, central widgets.aliyuncs.com); calls to it go to widgets.eu-odd-1.aliyuncs.com',
      '/apis/DescribeWidgets: DescribeWidgets: error code "IllegalParam.%s" is not an error code (a template or a status?); left out',
      '/apis/DescribeWidgets: DescribeWidgets: error code "InvalidWidgetId.NotFound\\t" has surrounding white space; trimmed',
      '/apis/DescribeWidgets: DescribeWidgets: error InvalidWidgetId.Malformed is listed with status 404 but is 400 already; the first is kept',
      '/apis/DescribeWidgets: DescribeWidgets: parameter Colour: enum lists no value; left out (any value is accepted)',
      '/apis/DescribeWidgets: DescribeWidgets: parameter WidgetId: "maxLength" applies to string values, not to type array; dropped',
    ]);
  });

  it('gives a list parameter its item example as a list', () => {
    const params = (spec.paths['/DescribeWidgets'] as Json).get.parameters as Json[];
    expect(params.find((p) => p.name === 'WidgetId')?.example).toEqual(['w-1']);
  });

  it('leaves out an example its schema refutes, and says which', () => {
    expect(resize.responses['200'].content['application/json'].examples).toBeUndefined();
    const params = (spec.paths['/DescribeWidgets'] as Json).get.parameters as Json[];
    expect(params.find((p) => p.name === 'Count')).not.toHaveProperty('example');
    expect(imported.diagnostics.filter((d) => d.code === 'import.example').map((d) => d.message)).toEqual([
      expect.stringContaining('ResizeWidget'),
      expect.stringContaining(
        'parameter Count of DescribeWidgets does not match its schema: Count must be integer',
      ),
    ]);
  });

  it('yields a spec the generator accepts', () => {
    expect(imported.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  });
});

describe('importMetadata on real metadata (captcha)', () => {
  it('yields a spec the generator accepts, with every action', async () => {
    const result = await importMetadata(join(FIXTURES, 'captcha@2023-03-05.json'), 'spec/captcha.yaml');
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(Object.keys((parse(result.text ?? '') as Json).paths)).toEqual([
      '/VerifyCaptcha',
      '/VerifyIntelligentCaptcha',
    ]);
  });
});

describe('importMetadata: maps and header parameters (stores)', async () => {
  const result = await importMetadata(join(FIXTURES, 'stores@2022-01-01.json'), 'spec/stores.yaml');
  const doc = parse(result.text ?? '') as Json;
  const put = doc.paths['/PutItems'].post as Json;

  it.each<[string, { name: string; want: unknown }]>([
    [
      'a header parameter',
      {
        name: 'x-acs-trace-id',
        want: {
          name: 'x-acs-trace-id',
          in: 'header',
          schema: { type: 'string', maxLength: 64 },
          example: 't-1',
        },
      },
    ],
    [
      'a json map of strings',
      {
        name: 'Variables',
        want: expect.objectContaining({
          'x-acs-style': 'json',
          schema: { type: 'object', additionalProperties: { type: 'string', example: 'var-1' } },
        }),
      },
    ],
    [
      'a json map of any values (untyped)',
      {
        name: 'Attributes',
        want: expect.objectContaining({
          schema: { type: 'object', additionalProperties: { example: '123' } },
        }),
      },
    ],
    [
      'a flat map',
      {
        name: 'Labels',
        want: expect.objectContaining({
          'x-acs-style': 'flat',
          schema: { type: 'object', additionalProperties: { type: 'string', maxLength: 32 } },
        }),
      },
    ],
    [
      'a flat array of scalars',
      { name: 'ResourceId', want: expect.objectContaining({ 'x-acs-style': 'flat' }) },
    ],
  ])('maps %s', (_name, { name, want }) => {
    expect(param(put, name)).toEqual(want);
  });

  it('leaves out the Content-Type header, which the client sets, and says so', () => {
    expect(param(put, 'Content-Type')).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.code === 'import.unmapped').map((d) => d.message)).toEqual([
      "PutItems: parameter Content-Type: is the header Content-Type, which the client sets itself (from the body's encoding and the signature); left out",
    ]);
  });

  it('yields a spec the generator accepts, maps in the response included', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(doc.components.schemas.Result.properties.Records.items).toEqual({
      type: 'object',
      additionalProperties: { example: 'v' },
    });
  });
});
