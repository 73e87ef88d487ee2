// A spec's value without its positions, read by js-yaml: on a large spec the `yaml` library's tree
// with positions (what diagnostics point with) is most of the load stage's time (a 1,000-action spec:
// 1.9 s against 0.3 s), and a spec without mistakes is never pointed into. Both read YAML 1.2's core
// schema; what they could read differently is left to the `yaml` library (the value is then
// undefined): a `%YAML` directive (1.1 reads `yes` as true), a null key (`: v`, `~: v`, which the
// `yaml` library names "" and js-yaml "null"), a collection reached by an alias (its alias count limit
// guards against alias bombs, which js-yaml leaves as shared objects), and anything js-yaml refuses
// (unknown tags, complex keys, syntax errors, duplicate keys: the `yaml` library then reports them
// with their positions). test/generator/load/plain-value.test.ts holds the two to the same value on
// every spec here and on specs changed at random.
import { CORE_SCHEMA, load } from 'js-yaml';

/** The document's value, or undefined when the `yaml` library must read it (see above). */
export function plainValue(text: string): unknown {
  if (DIRECTIVES.test(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return readAlike(value) ? value : undefined;
}

/** A `%` directive opens the document, before any content (comments and blank lines aside). */
const DIRECTIVES = /^(?:[ \t]*(?:#.*)?\r?\n)*%/;

/** No collection reached twice (only an alias makes js-yaml share one) and no key "null" (a null
 * key's, or one written so: either way the `yaml` library reads it). */
function readAlike(root: unknown): boolean {
  const seen = new Set<object>();
  const stack = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (seen.has(value)) return false;
    seen.add(value);
    if (Array.isArray(value)) stack.push(...value);
    else if (Object.hasOwn(value, 'null')) return false;
    else stack.push(...Object.values(value));
  }
  return true;
}
