// The RPC binding's own shape, as JSON Schema: what `x-acs-service` and `x-acs-rpc` may hold.
// spec/README.md documents the same fields for people.

const errorTable = {
  type: 'object',
  propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*$' },
  additionalProperties: {
    type: 'object',
    required: ['httpStatus', 'message'],
    additionalProperties: false,
    properties: {
      httpStatus: { type: 'integer', minimum: 400, maximum: 599 },
      message: { type: 'string', minLength: 1 },
      retryable: { type: 'boolean' },
      description: { type: 'string' },
    },
  },
} as const;

export const serviceBindingSchema = {
  type: 'object',
  required: [
    'product',
    'package',
    'clientName',
    'apiVersion',
    'protocol',
    'endpoints',
    'signature',
    'errors',
  ],
  additionalProperties: false,
  properties: {
    product: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9-]*$' },
    // `runtime` is the folder of the runtime package every generated package imports.
    package: { type: 'string', pattern: '^(?!runtime$)[a-z][a-z0-9-]*$' },
    clientName: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$' },
    apiVersion: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    protocol: { const: 'rpc' },
    endpoints: {
      type: 'object',
      required: ['regional', 'central'],
      additionalProperties: false,
      properties: {
        regional: { type: 'string', pattern: '\\{RegionId\\}' },
        central: { type: 'string', minLength: 1 },
        centralRegions: { type: 'array', items: { type: 'string' }, uniqueItems: true },
      },
    },
    signature: {
      type: 'object',
      required: ['default', 'supported', 'timestampWindowSeconds'],
      additionalProperties: false,
      properties: {
        default: { enum: ['ACS3-HMAC-SHA256', 'HMAC-SHA1'] },
        supported: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { enum: ['ACS3-HMAC-SHA256', 'HMAC-SHA1'] },
        },
        timestampWindowSeconds: { type: 'integer', minimum: 1 },
      },
    },
    responseFormat: {
      type: 'object',
      additionalProperties: false,
      properties: {
        default: { enum: ['JSON', 'XML'] },
        parameter: { type: 'string' },
        caseInsensitive: { type: 'boolean' },
        acceptHeader: { type: 'boolean' },
      },
    },
    errors: errorTable,
    resources: {
      type: 'object',
      propertyNames: { pattern: '^[A-Z][A-Za-z0-9]*$' },
      additionalProperties: {
        type: 'object',
        required: ['id', 'states'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1 },
          states: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
        },
      },
    },
  },
} as const;

const stateList = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } } as const;

const transitionSchema = {
  type: 'object',
  required: ['resource', 'from', 'to', 'otherwise'],
  additionalProperties: false,
  properties: {
    resource: { type: 'string' },
    from: stateList,
    via: { type: 'string' },
    to: { type: 'string' },
    otherwise: { type: 'string' },
    notFound: { type: 'string' },
  },
} as const;

const listsSchema = {
  type: 'object',
  required: ['resource', 'items', 'state'],
  additionalProperties: false,
  properties: { resource: { type: 'string' }, items: { type: 'string' }, state: { type: 'string' } },
} as const;

// Smithy waiters (smithy.io/2.0/additional-specs/waiters.html); the meaning is checked in waiters.ts.
const matcherSchema = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: {
    path: { type: 'string' },
    comparator: { enum: ['stringEquals', 'booleanEquals', 'allStringEquals', 'anyStringEquals'] },
    expected: { anyOf: [{ type: 'string' }, { type: 'boolean' }] },
    errorType: { type: 'string' },
    success: { type: 'boolean' },
  },
} as const;

const waiterSchema = {
  type: 'object',
  required: ['acceptors'],
  additionalProperties: false,
  properties: {
    description: { type: 'string' },
    minDelay: { type: 'integer', minimum: 1 },
    maxDelay: { type: 'integer', minimum: 1 },
    acceptors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['state', 'matcher'],
        additionalProperties: false,
        properties: { state: { enum: ['success', 'failure', 'retry'] }, matcher: matcherSchema },
      },
    },
  },
} as const;

const caseSchema = {
  type: 'object',
  required: ['id', 'request'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    description: { type: 'string' },
    request: { type: 'object' },
    wire: { type: 'array', items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'string' } } },
    error: {
      type: 'object',
      required: ['code'],
      additionalProperties: false,
      properties: { code: { type: 'string' }, param: { type: 'string' } },
    },
    response: {
      type: 'object',
      required: ['format', 'body', 'parsed'],
      additionalProperties: false,
      properties: { format: { enum: ['JSON', 'XML'] }, body: { type: 'string' }, parsed: { type: 'object' } },
    },
  },
} as const;

export const actionBindingSchema = {
  type: 'object',
  required: ['action', 'methods', 'path', 'idempotent'],
  additionalProperties: false,
  properties: {
    action: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$' },
    methods: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['GET', 'POST'] } },
    path: { const: '/' },
    idempotent: { type: 'boolean' },
    pagination: {
      // The style picks the branch, so a bad field is reported against that style alone.
      type: 'object',
      discriminator: { propertyName: 'style' },
      required: ['style'],
      properties: { style: { enum: ['pageNumber', 'token'] } },
      oneOf: [
        {
          type: 'object',
          required: ['style', 'pageNumber', 'pageSize', 'totalCount', 'items'],
          additionalProperties: false,
          properties: {
            style: { const: 'pageNumber' },
            pageNumber: { type: 'string' },
            pageSize: { type: 'string' },
            totalCount: { type: 'string' },
            items: { type: 'string' },
          },
        },
        {
          type: 'object',
          required: ['style', 'token', 'pageSize', 'nextToken', 'items'],
          additionalProperties: false,
          properties: {
            style: { const: 'token' },
            token: { type: 'string' },
            pageSize: { type: 'string' },
            nextToken: { type: 'string' },
            totalCount: { type: 'string' },
            items: { type: 'string' },
          },
        },
      ],
    },
    errors: errorTable,
    cases: { type: 'array', items: caseSchema },
    transition: transitionSchema,
    lists: listsSchema,
    waiters: {
      type: 'object',
      propertyNames: { pattern: '^[A-Z][A-Za-z0-9]*$' },
      additionalProperties: waiterSchema,
    },
  },
} as const;
