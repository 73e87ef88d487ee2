// The state model: `x-acs-service.resources`, and each action's `transition` and `lists` (spec/README.md,
// "State model"). The check stage has already checked every cross-reference.
import type { ListsModel, ResourceModel, TransitionModel } from './types.ts';

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
