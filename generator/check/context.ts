// The state a check rule reports into: the loaded spec and the diagnostics found so far.
import type { LoadedSpec } from '../load/load-spec.ts';
import type { Diagnostic, Severity } from './diagnostic.ts';

export interface CheckContext {
  readonly spec: LoadedSpec;
  report(code: string, pointer: string, message: string, severity?: Severity): void;
}

export function createCheckContext(spec: LoadedSpec, into: Diagnostic[]): CheckContext {
  return {
    spec,
    report(code, pointer, message, severity = 'error') {
      const { line, column } = spec.locate(pointer);
      into.push({ code, severity, message, file: spec.file, line, column, pointer });
    },
  };
}

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
