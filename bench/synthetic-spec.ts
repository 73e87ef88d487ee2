// Writes a synthetic spec of N actions in the shape of spec/ecs.yaml (parameters, repeat lists,
// errors, pagination, JSON and XML examples) to measure how generation scales.
import { stringify } from 'yaml';

export function syntheticSpec(actions: number): string {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {
    ErrorEnvelope: {
      type: 'object',
      xml: { name: 'Error' },
      required: ['RequestId', 'HostId', 'Code', 'Message'],
      properties: Object.fromEntries(
        ['RequestId', 'HostId', 'Code', 'Message'].map((k) => [k, { type: 'string' }]),
      ),
    },
  };
  for (let i = 0; i < actions; i++) {
    const name = `DescribeThing${String(i).padStart(4, '0')}`;
    schemas[`${name}Item`] = {
      type: 'object',
      xml: { name: `${name}Item` },
      required: ['Id', 'State'],
      properties: {
        Id: { type: 'string' },
        State: { type: 'string', enum: ['On', 'Off'] },
        Size: { type: 'integer' },
      },
    };
    schemas[`${name}Response`] = {
      type: 'object',
      xml: { name: `${name}Response` },
      required: ['RequestId', 'TotalCount', 'PageNumber', 'PageSize', 'Items'],
      properties: {
        RequestId: { type: 'string' },
        TotalCount: { type: 'integer', minimum: 0 },
        PageNumber: { type: 'integer', minimum: 1 },
        PageSize: { type: 'integer', minimum: 1 },
        Items: {
          type: 'object',
          required: ['Item'],
          properties: {
            Item: {
              type: 'array',
              xml: { wrapped: false },
              items: { $ref: `#/components/schemas/${name}Item` },
            },
          },
        },
      },
    };
    paths[`/${name}`] = { get: operation(name) };
  }
  return stringify({
    openapi: '3.1.0',
    info: {
      title: `Synthetic ${actions}`,
      version: '2020-01-01',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'https://synthetic.aliyuncs.com' }],
    security: [{ Sig: [] }],
    'x-acs-service': {
      product: 'Synthetic',
      package: `synthetic-${actions}`,
      clientName: 'Synthetic',
      apiVersion: '2020-01-01',
      protocol: 'rpc',
      endpoints: { regional: 'synthetic.{RegionId}.aliyuncs.com', central: 'synthetic.aliyuncs.com' },
      signature: {
        default: 'ACS3-HMAC-SHA256',
        supported: ['ACS3-HMAC-SHA256', 'HMAC-SHA1'],
        timestampWindowSeconds: 900,
      },
      errors: { Throttling: { httpStatus: 400, message: 'Throttled.', retryable: true } },
    },
    paths,
    components: {
      securitySchemes: { Sig: { type: 'apiKey', in: 'header', name: 'Authorization' } },
      responses: {
        Error: {
          description: 'An error.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
        },
      },
      schemas,
    },
  });
}

function operation(name: string): Record<string, unknown> {
  const ref = { $ref: `#/components/schemas/${name}Response` };
  return {
    operationId: name,
    summary: `Describes things (${name}).`,
    'x-acs-rpc': {
      action: name,
      methods: ['GET', 'POST'],
      path: '/',
      idempotent: true,
      pagination: {
        style: 'pageNumber',
        pageNumber: 'PageNumber',
        pageSize: 'PageSize',
        totalCount: 'TotalCount',
        items: 'Items.Item',
      },
      errors: { [`Invalid${name}.NotFound`]: { httpStatus: 404, message: 'Not found.' } },
    },
    parameters: [
      { name: 'RegionId', in: 'query', required: true, schema: { type: 'string', minLength: 1 } },
      { name: 'PageNumber', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
      { name: 'PageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
      {
        name: 'Id',
        in: 'query',
        'x-acs-style': 'repeatList',
        schema: { type: 'array', maxItems: 100, items: { type: 'string' } },
      },
    ],
    responses: {
      '200': {
        description: 'OK',
        content: {
          'application/json': {
            schema: ref,
            examples: {
              one: {
                value: {
                  RequestId: 'r',
                  TotalCount: 1,
                  PageNumber: 1,
                  PageSize: 10,
                  Items: { Item: [{ Id: 'x', State: 'On' }] },
                },
              },
            },
          },
        },
      },
      '400': { $ref: '#/components/responses/Error' },
    },
  };
}
