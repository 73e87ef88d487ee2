// The state model: `x-acs-service.resources`, and each action's `transition` and `lists` (spec/README.md,
// "State model"), and the waiters polling an action. The check stage has already checked every
// cross-reference.
import type { ListsModel, ResourceModel, TransitionModel, WaiterModel } from './types.ts';

type Raw = Record<string, unknown>;

export function buildResources(value: unknown): ResourceModel[] {
  return Object.entries((value ?? {}) as Raw).map(([name, raw]) => {
    const r = raw as Raw;
    return { name, id: String(r.id), states: r.states as string[] };
  });
}

export function buildTransition(
  value: unknown,
  resources: readonly ResourceModel[],
): TransitionModel | undefined {
  if (value === undefined) return undefined;
  const t = value as Raw;
  const resource = String(t.resource);
  return {
    resource,
    idParam: idOf(resources, resource),
    from: t.from as string[],
    via: t.via === undefined ? undefined : String(t.via),
    to: String(t.to),
    otherwise: String(t.otherwise),
    notFound: t.notFound === undefined ? undefined : String(t.notFound),
  };
}

export function buildLists(value: unknown, resources: readonly ResourceModel[]): ListsModel | undefined {
  if (value === undefined) return undefined;
  const l = value as Raw;
  const resource = String(l.resource);
  return {
    resource,
    idField: idOf(resources, resource),
    itemsPath: String(l.items).split('.'),
    stateField: String(l.state),
  };
}

function idOf(resources: readonly ResourceModel[], name: string): string {
  return resources.find((r) => r.name === name)?.id ?? name;
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
