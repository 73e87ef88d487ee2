// One operation with its x-acs-rpc binding → an action model.
import { joinPointer } from '../load/pointer.ts';
import { buildErrors } from './build-errors.ts';
import { buildExamples } from './build-examples.ts';
import { buildPagination } from './build-pagination.ts';
import { buildParams } from './build-params.ts';
import { buildLists, buildTransition, buildWaiters } from './build-state.ts';
import { componentName } from './json-schema.ts';
import { deref, shapeOf, xmlName } from './shape.ts';
import type { ActionModel, CaseModel, ResourceModel } from './types.ts';

type Raw = Record<string, unknown>;
type Report = (code: string, pointer: string, message: string) => void;

export function buildAction(
  root: unknown,
  operation: Raw,
  pointer: string,
  report: Report,
  resources: readonly ResourceModel[] = [],
): ActionModel | undefined {
  const binding = operation['x-acs-rpc'] as Raw;
  const success = deref(root, (operation.responses as Raw | undefined)?.['200']);
  const media = ((success.content ?? {}) as Raw)['application/json'] as Raw | undefined;
  const ref = (media?.schema as Raw | undefined)?.$ref;
  const responseSchema = typeof ref === 'string' ? componentName(ref) : undefined;
  if (responseSchema === undefined) {
    report(
      'model.response',
      joinPointer(pointer, 'responses', '200'),
      'The 200 response needs application/json content whose schema is a $ref to components/schemas.',
    );
    return undefined;
  }
  const schema = deref(root, media?.schema);
  const params = buildParams(root, operation, pointer);
  const pagination = buildPagination(
    root,
    binding.pagination as Raw | undefined,
    params,
    media?.schema,
    joinPointer(pointer, 'x-acs-rpc', 'pagination'),
    (at, message) => report('binding.pagination', at, message),
  );
  return {
    name: String(binding.action),
    pointer,
    summary: text(operation.summary),
    description: text(operation.description),
    deprecated: operation.deprecated === true,
    methods: binding.methods as ('GET' | 'POST')[],
    path: String(binding.path),
    idempotent: binding.idempotent === true,
    params,
    responseSchema,
    mediaTypes: Object.keys((success.content ?? {}) as Raw),
    xmlRoot: xmlName(schema) ?? responseSchema,
    responseShape: shapeOf(root, schema),
    errors: buildErrors(binding.errors),
    pagination,
    examples: buildExamples(root, operation, pointer),
    cases: ((binding.cases ?? []) as Raw[]).map((c) => ({
      id: String(c.id),
      description: text(c.description),
      request: (c.request ?? {}) as Raw,
      wire: c.wire as [string, string][] | undefined,
      error:
        c.error === undefined
          ? undefined
          : { code: String((c.error as Raw).code), param: (c.error as Raw).param as string | undefined },
      response: c.response as CaseModel['response'],
    })),
    transition: buildTransition(binding.transition, resources),
    lists: buildLists(binding.lists, resources),
    waiters: buildWaiters(binding),
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}
