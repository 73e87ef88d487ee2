// Conformance facts for the hand-written Widgets service (test/support/widgets-service.ts): what the
// generator would emit for a spec of it, small enough to read.

import { checkContext } from '../../templates/conformance/runner.ts';
import type {
  ActionFacts,
  CheckContext,
  ConformanceFacts,
  Target,
} from '../../templates/conformance/types.ts';
import type { ValidationIssue } from '../../templates/runtime/descriptors.ts';
import { createThingAction, describeThingsAction, widgetsService } from './widgets-service.ts';

const envelopeIssues = (value: unknown): ValidationIssue[] => {
  const body = value as Record<string, unknown> | undefined;
  return ['RequestId', 'Code', 'Message'].flatMap((name) =>
    typeof body?.[name] === 'string' ? [] : [{ path: name, message: 'is required' }],
  );
};

export const describeThingsFacts: ActionFacts = {
  descriptor: describeThingsAction,
  params: [
    { name: 'RegionId', style: 'scalar', required: true, schema: { type: 'string' }, example: 'cn-north' },
    {
      name: 'ThingId',
      style: 'repeatList',
      required: false,
      schema: { type: 'array', items: { type: 'string' }, maxItems: 3 },
    },
    {
      name: 'PageNumber',
      style: 'scalar',
      required: false,
      schema: { type: 'integer', minimum: 1 },
      example: 1,
    },
    {
      name: 'PageSize',
      style: 'scalar',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 50 },
      example: 10,
    },
  ],
  errors: ['InvalidThing.NotFound'],
  cases: [],
  response: {
    schema: 'DescribeThingsResponse',
    mediaTypes: ['application/json', 'application/xml'],
    examples: [],
  },
  validateResponse: (value) =>
    typeof (value as { RequestId?: unknown }).RequestId === 'string'
      ? []
      : [{ path: 'RequestId', message: 'is required' }],
};

export const createThingFacts: ActionFacts = {
  descriptor: createThingAction,
  params: [{ name: 'RegionId', style: 'scalar', required: true, schema: { type: 'string' } }],
  errors: [],
  cases: [],
  response: {
    schema: 'CreateThingResponse',
    mediaTypes: ['application/json', 'application/xml'],
    examples: [],
  },
  validateResponse: () => [],
};

export const widgetsFacts: ConformanceFacts = {
  service: widgetsService,
  errorMessages: { 'InvalidThing.NotFound': 'The thing does not exist.' },
  validateErrorEnvelope: envelopeIssues,
  actions: [describeThingsFacts, createThingFacts],
  resources: {},
  schemas: {},
};

export function widgetsTarget(endpoint: string, values: Record<string, string> = {}): Target {
  return { endpoint, accessKeyId: 'AKIDCONFORMANCE', accessKeySecret: 'conformancesecret', values };
}

export function widgetsContext(
  endpoint = 'http://127.0.0.1:9',
  values: Record<string, string> = {},
): CheckContext {
  return checkContext(widgetsFacts, widgetsTarget(endpoint, values), { seed: 42, sleep: async () => {} });
}
