// Wire parameters → the typed request the generated validator checks, by each parameter's style:
// repeatList and flat gathered back from `Name.1.Key` (indexes 1..N without gaps, map entries by
// their key as sent), json parsed,
// simple split on commas, leaves read by their declared type. Unknown parameters are ignored, as
// Alibaba's gateway ignores them; a parameter sent twice is refused.
import type {
  ActionDescriptor,
  ParamDescriptor,
  Shape,
  ValidationIssue,
} from '../../templates/runtime/descriptors.ts';
import { wireNameOf } from '../../templates/runtime/serialize.ts';
import { ServerError } from './server-error.ts';

type Pairs = readonly (readonly [string, string])[];
/** Request headers as Node gives them: lower-case names, a repeated header as a list. */
type Headers = Readonly<Record<string, string | readonly string[] | undefined>>;

export function decodeParams(
  action: ActionDescriptor,
  pairs: Pairs,
  headers: Headers = {},
): Record<string, unknown> {
  const seen = new Set<string>();
  for (const [key] of pairs) {
    if (seen.has(key))
      throw new ServerError('InvalidParameter', key, `Parameter ${key} was sent more than once.`);
    seen.add(key);
  }
  const params: Record<string, unknown> = {};
  for (const param of action.params) {
    const value = param.in === 'header' ? decodeHeader(param, headers) : decodeParam(param, pairs);
    if (value !== undefined) params[param.name] = value;
  }
  return params;
}

function decodeParam(param: ParamDescriptor, pairs: Pairs): unknown {
  if (param.style === 'repeatList' || param.style === 'flat') {
    const prefix = `${param.name}.`;
    const entries = pairs
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, text]) => ({ key, segments: key.slice(prefix.length).split('.'), text }));
    return entries.length === 0 ? undefined : gather(param.shape, entries, 0);
  }
  const text = pairs.find(([key]) => key === param.name)?.[1];
  if (text === undefined) return undefined;
  if (param.style === 'json') return parseJson(param.name, text);
  if (param.style === 'simple')
    return text === '' ? [] : text.split(',').map((t) => read(itemShape(param.shape), t));
  return read(param.shape, text);
}

/** A header parameter (`in: header`, a scalar): one value, read by its declared type. */
function decodeHeader(param: ParamDescriptor, headers: Headers): unknown {
  const name = param.name.toLowerCase();
  const value = Object.hasOwn(headers, name) ? headers[name] : undefined;
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new ServerError('InvalidParameter', param.name, `Header ${param.name} was sent more than once.`);
  return read(param.shape, value);
}

interface Entry {
  readonly key: string;
  readonly segments: readonly string[];
  readonly text: string;
}

/** Rebuilds the value at `depth` of every entry's segments; a malformed key is named as sent. */
function gather(shape: Shape, entries: readonly Entry[], depth: number): unknown {
  if (shape.kind === 'array') {
    const groups = groupBy(entries, depth, (segment, entry) => {
      if (!/^[1-9]\d{0,5}$/.test(segment)) throw invalid(entry.key, 'has a malformed list index');
    });
    const indexes = [...groups.keys()].map(Number).sort((a, b) => a - b);
    indexes.forEach((index, i) => {
      if (index !== i + 1) throw invalid(groups.get(String(index))![0]!.key, `skips list index ${i + 1}`);
    });
    return indexes.map((index) => gather(shape.items, groups.get(String(index))!, depth + 1));
  }
  if (shape.kind === 'object') {
    const { properties, additional } = shape;
    const groups = groupBy(entries, depth, (segment, entry) => {
      if (!Object.hasOwn(properties, segment) && additional === undefined)
        throw invalid(entry.key, 'names no known field');
    });
    const value: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(properties)) {
      const group = groups.get(name);
      if (group !== undefined) value[name] = gather(child, group, depth + 1);
    }
    // Map entries in the order they were sent, as the client writes them in the map's own order.
    for (const [key, group] of groups) {
      if (!Object.hasOwn(properties, key)) setOwn(value, key, gather(additional!, group, depth + 1));
    }
    return value;
  }
  if (shape.kind === 'any' && entries.some((e) => e.segments.length > depth)) {
    // An untyped value flattened further (`Attrs.k.x=1`) comes back as the object it was, as text.
    const groups = groupBy(entries, depth, () => {});
    return Object.fromEntries([...groups].map(([key, group]) => [key, gather(shape, group, depth + 1)]));
  }
  const [entry, extra] = entries;
  if (entry!.segments.length !== depth) throw invalid(entry!.key, 'goes deeper than its value');
  if (extra !== undefined) throw invalid(extra.key, 'was sent more than once');
  return read(shape, entry!.text);
}

/** A key as sent, even `__proto__`, becomes an own property and never the object's prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function groupBy(
  entries: readonly Entry[],
  depth: number,
  check: (segment: string, entry: Entry) => void,
): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const segment = entry.segments[depth];
    if (segment === undefined) throw invalid(entry.key, 'stops short of a value');
    check(segment, entry);
    groups.set(segment, [...(groups.get(segment) ?? []), entry]);
  }
  return groups;
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalid(name, 'is not valid JSON');
  }
}

function itemShape(shape: Shape): Shape {
  return shape.kind === 'array' ? shape.items : shape;
}

function invalid(key: string, why: string): ServerError {
  return new ServerError('InvalidParameter', key, `Parameter ${key} ${why}.`);
}

/** Text that does not read as the declared type stays text, so the validator names the parameter. */
function read(shape: Shape, text: string): unknown {
  if (shape.kind === 'integer' && /^-?\d{1,15}$/.test(text)) return Number(text);
  if (shape.kind === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (shape.kind === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  // An int64 stays its decimal text: a request's int64 may be a string, and no digit is lost.
  return text;
}

/** The first issue, as the error Alibaba would answer: the parameter named as it went on the wire. */
export function issueToError(issue: ValidationIssue, action: ActionDescriptor): ServerError {
  const name = wireNameOf(issue.path, action.params);
  return new ServerError(
    issue.message === 'is required' ? 'MissingParameter' : 'InvalidParameter',
    name,
    `${name} ${issue.message}`,
  );
}
