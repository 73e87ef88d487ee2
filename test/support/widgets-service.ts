// A small hand-written service for the runtime's unit tests: descriptors as the generator would emit
// them, for a product-neutral `Widgets` API, so the runtime is tested without any generated package.
import type {
  ActionDescriptor,
  ServiceDescriptor,
  Shape,
  Validate,
  ValidationIssue,
} from '../../templates/runtime/descriptors.ts';

export const widgetsService: ServiceDescriptor = {
  product: 'Widgets',
  apiVersion: '2020-01-01',
  endpoints: {
    regional: 'widgets.{RegionId}.example.test',
    central: 'widgets.example.test',
    centralRegions: ['cn-central'],
  },
  errors: {
    'Throttling.User': { httpStatus: 400, retryable: true },
    'InvalidThing.NotFound': { httpStatus: 404, retryable: false },
    InternalError: { httpStatus: 500, retryable: true },
    'InvalidTimeStamp.Expired': { httpStatus: 400, retryable: false },
    'InvalidAction.NotFound': { httpStatus: 404, retryable: false },
  },
};

const thing: Shape = {
  kind: 'object',
  properties: { ThingId: { kind: 'string' }, Size: { kind: 'integer' } },
};

export const thingsShape: Shape = {
  kind: 'object',
  properties: {
    RequestId: { kind: 'string' },
    TotalCount: { kind: 'integer' },
    Things: {
      kind: 'object',
      properties: { Thing: { kind: 'array', items: thing, xmlItemName: 'Thing' } },
    },
  },
};

/** Requires RegionId (a string) and allows PageSize up to 50; names each problem by its parameter. */
const validateThingsRequest: Validate = (value) => {
  const params = value as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (typeof params.RegionId !== 'string') issues.push({ path: 'RegionId', message: 'is required' });
  if (typeof params.PageSize === 'number' && params.PageSize > 50)
    issues.push({ path: 'PageSize', message: 'must be <= 50' });
  return issues;
};

/** A response is valid when every Thing has a ThingId. */
const validateThingsResponse: Validate = (value) => {
  const things = (value as { Things?: { Thing?: { ThingId?: unknown }[] } }).Things?.Thing ?? [];
  return things.flatMap((t, i) =>
    typeof t.ThingId === 'string' ? [] : [{ path: `Things.Thing[${i}].ThingId`, message: 'is required' }],
  );
};

export const describeThingsAction: ActionDescriptor = {
  name: 'DescribeThings',
  methods: ['GET', 'POST'],
  path: '/',
  idempotent: true,
  params: [
    { name: 'RegionId', style: 'scalar', shape: { kind: 'string' } },
    { name: 'ThingId', style: 'repeatList', shape: { kind: 'array', items: { kind: 'string' } } },
    { name: 'PageNumber', style: 'scalar', shape: { kind: 'integer' } },
    { name: 'PageSize', style: 'scalar', shape: { kind: 'integer' } },
  ],
  xmlRoot: 'DescribeThingsResponse',
  responseShape: thingsShape,
  validateRequest: validateThingsRequest,
  loadResponseValidator: async () => validateThingsResponse,
  pagination: {
    style: 'pageNumber',
    pageNumberParam: 'PageNumber',
    pageSizeParam: 'PageSize',
    totalCountPath: ['TotalCount'],
    itemsPath: ['Things', 'Thing'],
    defaultPageSize: 10,
    maxPageSize: 50,
  },
};

/** Creating is not idempotent: never retried. POST only. */
export const createThingAction: ActionDescriptor = {
  name: 'CreateThing',
  methods: ['POST'],
  path: '/',
  idempotent: false,
  params: [{ name: 'RegionId', style: 'scalar', shape: { kind: 'string' } }],
  xmlRoot: 'CreateThingResponse',
  responseShape: {
    kind: 'object',
    properties: { RequestId: { kind: 'string' }, ThingId: { kind: 'string' } },
  },
  validateRequest: () => [],
  loadResponseValidator: async () => () => [],
};
