// An answer's synthesised body, made once per request seed: the same request always gets the same
// made-up body (server/synth/synthesise.ts), so the last few are kept per action, frozen, and each
// answer gets a copy of what it writes into (the top level and the objects along the paths it fills),
// sharing the rest, which nothing writes.
import type { ActionPlan } from './plan.ts';

/** Bodies kept per action: enough for a client repeating a few calls, bounded whatever the requests. */
const BODIES_KEPT = 8;
/** A longer seed (a request with long values) is not kept, so what is kept stays small. */
export const LONGEST_KEPT_KEY = 1024;

export function bodyFor(plan: ActionPlan, seed: string, make: () => unknown): Record<string, unknown> {
  if (seed.length > LONGEST_KEPT_KEY) return make() as Record<string, unknown>;
  let kept = plan.bodies.get(seed);
  if (kept === undefined) {
    kept = deepFreeze(make());
    plan.bodies.set(seed, kept);
    if (plan.bodies.size > BODIES_KEPT) plan.bodies.delete(plan.bodies.keys().next().value!);
  }
  return copyAlong(kept, plan.writtenPaths) as Record<string, unknown>;
}

/** A copy of the top level and of each object along the paths (but their last step); the rest shared. */
function copyAlong(value: unknown, paths: readonly (readonly string[])[]): unknown {
  if (!isObject(value)) return value;
  const root = copyOf(value);
  for (const path of paths) {
    let parent = root;
    for (const step of path.slice(0, -1)) {
      const child = parent[step];
      if (!isObject(child)) break;
      const copy = copyOf(child);
      parent[step] = copy;
      parent = copy;
    }
  }
  return root;
}

function copyOf(value: object): Record<string, unknown> {
  return (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

export function deepFreeze<T>(value: T): T {
  if (isObject(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
