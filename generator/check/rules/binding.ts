// Rule: the RPC binding (`x-acs-service`, `x-acs-rpc`, `x-acs-style`) is present and well formed.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { joinPointer } from '../../load/pointer.ts';
import { type CheckContext, isObject, operations } from '../context.ts';
import { actionBindingSchema, serviceBindingSchema } from './binding-schema.ts';

const PARAM_STYLES = ['flat', 'repeatList'];

export function checkBinding(ctx: CheckContext): void {
  const root = ctx.spec.value as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validateService = ajv.compile(serviceBindingSchema);
  const validateAction = ajv.compile(actionBindingSchema);

  if (root['x-acs-service'] === undefined) {
    ctx.report('binding.missing', '', 'The spec has no x-acs-service binding (product, version, endpoints).');
  } else if (!validateService(root['x-acs-service'])) {
    reportAjv(ctx, '/x-acs-service', 'x-acs-service', validateService.errors ?? []);
  }

  for (const { pointer, operation } of operations(root)) {
    const binding = operation['x-acs-rpc'];
    if (binding === undefined) {
      ctx.report(
        'binding.missing',
        pointer,
        'The operation has no x-acs-rpc binding (action, methods, path).',
      );
    } else if (!validateAction(binding)) {
      reportAjv(ctx, joinPointer(pointer, 'x-acs-rpc'), 'x-acs-rpc', validateAction.errors ?? []);
    }
    checkParameterStyles(ctx, pointer, operation);
  }
}

function reportAjv(ctx: CheckContext, base: string, what: string, errors: readonly ErrorObject[]): void {
  for (const e of errors) {
    const at = e.instancePath === '' ? what : `${what}${e.instancePath.replaceAll('/', '.')}`;
    ctx.report('binding.invalid', base + e.instancePath, `${at} ${describe(e)}`);
  }
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `has unknown field "${e.params.additionalProperty}"`;
  if (e.keyword === 'enum') return `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
  if (e.keyword === 'const') return `must be ${JSON.stringify(e.params.allowedValue)}`;
  return e.message ?? e.keyword;
}

function checkParameterStyles(ctx: CheckContext, pointer: string, operation: Record<string, unknown>): void {
  const params = Array.isArray(operation.parameters) ? operation.parameters : [];
  params.forEach((param: unknown, i) => {
    if (!isObject(param) || param['x-acs-style'] === undefined) return;
    const at = joinPointer(pointer, 'parameters', i, 'x-acs-style');
    const style = param['x-acs-style'];
    if (typeof style !== 'string' || !PARAM_STYLES.includes(style)) {
      ctx.report(
        'param.style',
        at,
        `Parameter "${String(param.name)}" has unknown style ${JSON.stringify(style)}; expected one of ${PARAM_STYLES.join(', ')}.`,
      );
    } else if (style === 'repeatList' && !isArraySchema(param.schema)) {
      ctx.report(
        'param.style',
        at,
        `Parameter "${String(param.name)}" is a repeatList but its schema is not an array.`,
      );
    }
  });
}

function isArraySchema(schema: unknown): boolean {
  return isObject(schema) && schema.type === 'array';
}
