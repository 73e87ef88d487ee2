// Rule: the state model (`x-acs-service.resources`, `x-acs-rpc.transition`, `x-acs-rpc.lists`) names
// only what the spec declares: resources, their states, error codes, the id parameter, the list path.
// The binding schema has already checked the shapes; this rule checks the cross-references.
import { joinPointer, resolvePointer } from '../../load/pointer.ts';
import { type CheckContext, isObject, operations } from '../context.ts';

type Raw = Record<string, unknown>;

interface Resource {
  readonly id: string;
  readonly states: readonly string[];
}

export function checkStateModel(ctx: CheckContext): void {
  const root = ctx.spec.value as Raw;
  const service = isObject(root['x-acs-service']) ? root['x-acs-service'] : {};
  const resources = (isObject(service.resources) ? service.resources : {}) as Record<string, Resource>;
  const commonErrors = isObject(service.errors) ? service.errors : {};
  for (const { pointer, operation } of operations(root)) {
    const binding = operation['x-acs-rpc'];
    if (!isObject(binding)) continue;
    const at = (...segments: string[]) => joinPointer(pointer, 'x-acs-rpc', ...segments);
    const errors = { ...commonErrors, ...(isObject(binding.errors) ? binding.errors : {}) };
    if (isObject(binding.transition)) {
      checkTransition(ctx, binding.transition, resources, errors, operation, at);
    }
    if (isObject(binding.lists)) checkLists(ctx, root, binding.lists, resources, operation, at);
  }
}

function checkTransition(
  ctx: CheckContext,
  transition: Raw,
  resources: Record<string, Resource>,
  errors: Raw,
  operation: Raw,
  at: (...segments: string[]) => string,
): void {
  const resource = findResource(ctx, transition.resource, resources, at('transition', 'resource'));
  if (resource === undefined) return;
  const states = [...((transition.from as string[]) ?? []), transition.via, transition.to];
  for (const state of states) {
    if (state !== undefined && !resource.states.includes(String(state)))
      ctx.report(
        'state.unknown-state',
        at('transition'),
        `State "${String(state)}" is not one of ${String(transition.resource)}'s states (${resource.states.join(', ')}).`,
      );
  }
  for (const key of ['otherwise', 'notFound']) {
    const code = transition[key];
    if (code !== undefined && !Object.hasOwn(errors, String(code)))
      ctx.report(
        'state.unknown-error',
        at('transition', key),
        `Error "${String(code)}" is in neither the action's nor the service's error table.`,
      );
  }
  const params = Array.isArray(operation.parameters) ? (operation.parameters as unknown[]) : [];
  if (!params.some((p) => isObject(p) && p.name === resource.id && p.required === true))
    ctx.report(
      'state.id-param',
      at('transition', 'resource'),
      `The action needs a required parameter "${resource.id}", the id of ${String(transition.resource)}.`,
    );
}

function checkLists(
  ctx: CheckContext,
  root: Raw,
  lists: Raw,
  resources: Record<string, Resource>,
  operation: Raw,
  at: (...segments: string[]) => string,
): void {
  const resource = findResource(ctx, lists.resource, resources, at('lists', 'resource'));
  if (resource === undefined) return;
  const responses = isObject(operation.responses) ? operation.responses : {};
  const success = deref(root, responses['200']);
  const content = isObject(success.content) ? success.content : {};
  let schema = deref(root, (content['application/json'] as Raw | undefined)?.schema);
  for (const step of String(lists.items).split('.')) {
    schema = deref(root, (isObject(schema.properties) ? schema.properties : {})[step]);
  }
  const item = deref(root, schema.type === 'array' ? schema.items : undefined);
  const fields = isObject(item.properties) ? item.properties : {};
  if (schema.type !== 'array') {
    ctx.report(
      'state.items',
      at('lists', 'items'),
      `"${String(lists.items)}" is not a list in the 200 response schema.`,
    );
    return;
  }
  for (const field of [resource.id, String(lists.state)]) {
    if (!Object.hasOwn(fields, field))
      ctx.report(
        'state.items',
        at('lists'),
        `The items at "${String(lists.items)}" have no field "${field}" (the id and the state are needed).`,
      );
  }
}

function findResource(
  ctx: CheckContext,
  name: unknown,
  resources: Record<string, Resource>,
  pointer: string,
): Resource | undefined {
  const resource = Object.hasOwn(resources, String(name)) ? resources[String(name)] : undefined;
  if (resource === undefined)
    ctx.report(
      'state.resource',
      pointer,
      `Resource "${String(name)}" is not declared in x-acs-service.resources (${Object.keys(resources).join(', ') || 'none'}).`,
    );
  return resource;
}

function deref(root: Raw, schema: unknown): Raw {
  let current = isObject(schema) ? schema : {};
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    const target = resolvePointer(root, current.$ref.replace(/^#/, ''));
    current = isObject(target) ? target : {};
  }
  return current;
}
