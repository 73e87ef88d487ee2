// Stateful resources: `x-acs-service.resources`, and each action's `transition` and `lists`.
import type { ListsModel, ResourceModel, TransitionModel, WaiterModel } from './types.ts';

type Raw = Record<string, unknown>;

export function buildResources(service: Raw): ResourceModel[] {
  return Object.entries((service.resources ?? {}) as Raw).map(([name, raw]) => ({
    name,
    id: String((raw as Raw).id),
    states: (raw as Raw).states as string[],
  }));
}

/** The transition, with the resource's id parameter; undefined when the resource is not declared. */
export function buildTransition(
  binding: Raw,
  resources: readonly ResourceModel[],
): TransitionModel | undefined {
  const t = binding.transition as Raw | undefined;
  const resource = resources.find((r) => r.name === t?.resource);
  if (t === undefined || resource === undefined) return undefined;
  return {
    resource: resource.name,
    idParam: resource.id,
    from: t.from as string[],
    via: t.via as string | undefined,
    to: String(t.to),
    otherwise: String(t.otherwise),
    notFound: t.notFound as string | undefined,
  };
}

export function buildLists(binding: Raw, resources: readonly ResourceModel[]): ListsModel | undefined {
  const l = binding.lists as Raw | undefined;
  const resource = resources.find((r) => r.name === l?.resource);
  if (l === undefined || resource === undefined) return undefined;
  return {
    resource: resource.name,
    idField: resource.id,
    itemsPath: String(l.items).split('.'),
    stateField: String(l.state),
  };
}

/** Waiters in spec order, with Smithy's default delays; the check stage has vetted their meaning. */
export function buildWaiters(binding: Raw): WaiterModel[] {
  return Object.entries((binding.waiters ?? {}) as Raw).map(([name, raw]) => {
    const w = raw as Raw;
    return {
      name,
      description: typeof w.description === 'string' ? w.description.trim() : undefined,
      minDelay: typeof w.minDelay === 'number' ? w.minDelay : 2,
      maxDelay: typeof w.maxDelay === 'number' ? w.maxDelay : 120,
      acceptors: (w.acceptors as Raw[]).map((a) => ({
        state: a.state as 'success' | 'failure' | 'retry',
        matcher: matcher(a.matcher as Raw),
      })),
    };
  });
}

function matcher(m: Raw): WaiterModel['acceptors'][number]['matcher'] {
  if (typeof m.errorType === 'string') return { errorType: m.errorType };
  if (typeof m.success === 'boolean') return { success: m.success };
  return {
    path: String(m.path),
    comparator: m.comparator as 'stringEquals',
    expected: String(m.expected),
  };
}
