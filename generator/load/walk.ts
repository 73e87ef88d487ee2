// Walking the loaded document: plain-object test and the operations in spec order, with pointers.
// Shared by the check and model stages, which both read the raw document.

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Operations in spec order: every path item's methods, with their pointers. */
export function* operations(
  root: Record<string, unknown>,
): Generator<{ pointer: string; operation: Record<string, unknown> }> {
  const paths = root.paths;
  if (!isObject(paths)) return;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) {
        yield { pointer: `/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}`, operation };
      }
    }
  }
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
