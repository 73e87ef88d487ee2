// The state a check rule reports into: the loaded spec and the check stage's own reporter.
import type { LoadedSpec } from '../load/load-spec.ts';
import type { Report } from '../shared/diagnostic.ts';

export { isObject, operations } from '../load/walk.ts';

export interface CheckContext {
  readonly spec: LoadedSpec;
  readonly report: Report;
}
