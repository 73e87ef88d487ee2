// Dotted response paths (`InstanceStatuses.InstanceStatus`) into synthesised values and their schemas.
import { resolve, type Schema, type Schemas } from './synthesise.ts';

/** Sets the value at a path, creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = target;
  for (const step of path.slice(0, -1)) {
    const next = current[step];
    current[step] = next !== null && typeof next === 'object' ? next : {};
    current = current[step] as Record<string, unknown>;
  }
  const last = path.at(-1);
  if (last !== undefined) current[last] = value;
}

/** The schema at a path of properties, resolved; undefined where the path leaves the schema. */
export function schemaAt(schemas: Schemas, root: Schema, path: readonly string[]): Schema | undefined {
  let current: Schema | undefined = resolve(schemas, root);
  for (const step of path) {
    const properties = current?.properties as Record<string, Schema> | undefined;
    const child = properties?.[step];
    current = child === undefined ? undefined : resolve(schemas, child);
  }
  return current;
}

/** The example value at a path, if the example has one. */
export function exampleAt(example: unknown, path: readonly string[]): unknown {
  let current = example;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}
