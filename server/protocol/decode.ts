// Wire parameters → the typed request the generated validator checks: repeat lists gathered
// (`InstanceId.1..N` → array), values read by their declared type. Unknown parameters are ignored,
// as Alibaba's gateway ignores them; a parameter sent twice is refused.
import type {
  ActionDescriptor,
  ParamDescriptor,
  ValidationIssue,
} from '../../templates/runtime/descriptors.ts';
import { ServerError } from './server-error.ts';

export function decodeParams(
  action: ActionDescriptor,
  pairs: readonly (readonly [string, string])[],
): Record<string, unknown> {
  const seen = new Set<string>();
  for (const [key] of pairs) {
    if (seen.has(key))
      throw new ServerError('InvalidParameter', key, `Parameter ${key} was sent more than once.`);
    seen.add(key);
  }
  const params: Record<string, unknown> = {};
  for (const param of action.params) {
    const value =
      param.style === 'repeatList' ? repeatList(param, pairs) : pairs.find(([k]) => k === param.name)?.[1];
    if (value !== undefined)
      params[param.name] = Array.isArray(value) ? value.map((v) => read(param, v)) : read(param, value);
  }
  return params;
}

function repeatList(
  param: ParamDescriptor,
  pairs: readonly (readonly [string, string])[],
): string[] | undefined {
  const items: [number, string][] = [];
  for (const [key, value] of pairs) {
    if (!key.startsWith(`${param.name}.`)) continue;
    const index = key.slice(param.name.length + 1);
    if (!/^[1-9]\d{0,5}$/.test(index)) throw new ServerError('InvalidParameter', key);
    items.push([Number(index), value]);
  }
  return items.length === 0 ? undefined : items.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** Text that does not read as the declared type stays text, so the validator names the parameter. */
function read(param: ParamDescriptor, text: string): unknown {
  if (param.type === 'integer' && /^-?\d{1,15}$/.test(text)) return Number(text);
  if (param.type === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (param.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** The first issue, as the error Alibaba would answer: the parameter named as it went on the wire. */
export function issueToError(issue: ValidationIssue): ServerError {
  const match = /^([A-Za-z0-9_]+)(?:\[(\d+)\])?/.exec(issue.path);
  const name =
    match === null ? issue.path : match[2] === undefined ? match[1]! : `${match[1]}.${Number(match[2]) + 1}`;
  return new ServerError(
    issue.message === 'is required' ? 'MissingParameter' : 'InvalidParameter',
    name,
    `${name} ${issue.message}`,
  );
}
