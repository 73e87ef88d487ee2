// Rule: the RPC binding (`x-acs-service`, `x-acs-rpc`) is present and well formed.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { joinPointer } from '../../load/pointer.ts';
import { type CheckContext, operations } from '../context.ts';
import { actionBindingSchema, serviceBindingSchema } from './binding-schema.ts';

export function checkBinding(ctx: CheckContext): void {
  const root = ctx.spec.value as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: true, discriminator: true });
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
  }
}

function reportAjv(ctx: CheckContext, base: string, what: string, errors: readonly ErrorObject[]): void {
  // An unknown pagination style is said once, by the enum on `style`, not again by the discriminator.
  for (const e of errors.filter((x) => x.keyword !== 'discriminator')) {
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
