// Typed request → wire parameters, by each parameter's style (Alibaba API metadata `style`): scalar
// `Name=value`; repeatList and flat `Name.1.Key=value` (lists 1-based, objects in the schema's
// property order, map entries `Name.key=value` in the map's own order, recursively, as Alibaba's
// OpenApiUtil.query flattens them); json one JSON-encoded value; simple an array joined with commas.
import type { ParamDescriptor, Shape } from './descriptors.js';

/** Parameters as they go on the wire: names already flattened (`InstanceId.1`), values as text. */
export type WireParams = ReadonlyArray<readonly [string, string]>;

/** Described parameters in their descriptors' order, then any others in the input's. An action's
 * parameter names are unique (the check stage refuses a name twice), so loops over the descriptors
 * do what a map by name would, without building one per call. */
export function toWireParams(
  params: Readonly<Record<string, unknown>>,
  descriptors: readonly ParamDescriptor[],
): Array<[string, string]> {
  const wire: Array<[string, string]> = [];
  for (const d of descriptors) {
    const value = params[d.name];
    if (value !== undefined && value !== null && d.in !== 'header') writeParam(wire, d, value);
  }
  for (const name of Object.keys(params)) {
    if (isDescribed(name, descriptors)) continue;
    const value = params[name];
    if (value !== undefined && value !== null) wire.push([name, String(value)]);
  }
  return wire;
}

function isDescribed(name: string, descriptors: readonly ParamDescriptor[]): boolean {
  for (const d of descriptors) if (d.name === name) return true;
  return false;
}

/** The header parameters (`in: header`, scalars) as HTTP headers: lower-case names, values as text. */
export function toHeaderParams(
  params: Readonly<Record<string, unknown>>,
  descriptors: readonly ParamDescriptor[],
): Array<[string, string]> {
  // A loop, not filter and map: no closures or second array per call, most of which have none.
  const headers: Array<[string, string]> = [];
  for (const d of descriptors) {
    if (d.in !== 'header') continue;
    const value = params[d.name];
    if (value !== undefined && value !== null) headers.push([d.name.toLowerCase(), String(value)]);
  }
  return headers;
}

function writeParam(wire: Array<[string, string]>, d: ParamDescriptor, value: unknown): void {
  if (d.style === 'repeatList' || d.style === 'flat') flatten(wire, d.name, value, d.shape);
  else if (d.style === 'json') wire.push([d.name, JSON.stringify(value)]);
  else if (d.style === 'simple' && Array.isArray(value)) wire.push([d.name, value.map(String).join(',')]);
  else wire.push([d.name, String(value)]);
}

/** `Tag.1.Key=…`: list items by index, object properties in the shape's order, then any others. */
function flatten(
  wire: Array<[string, string]>,
  prefix: string,
  value: unknown,
  shape: Shape | undefined,
): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    const items = shape?.kind === 'array' ? shape.items : undefined;
    for (const [i, item] of value.entries()) flatten(wire, `${prefix}.${i + 1}`, item, items);
  } else if (typeof value === 'object') {
    const properties = shape?.kind === 'object' ? shape.properties : {};
    const additional = shape?.kind === 'object' ? shape.additional : undefined;
    const record = value as Record<string, unknown>;
    const keys = [
      ...Object.keys(properties),
      ...Object.keys(record).filter((k) => !Object.hasOwn(properties, k)),
    ];
    for (const key of keys)
      flatten(
        wire,
        `${prefix}.${key}`,
        record[key],
        Object.hasOwn(properties, key) ? properties[key] : additional,
      );
  } else {
    wire.push([prefix, String(value)]);
  }
}

/**
 * The wire name of a validation issue's path: `Tag[2].Key` → `Tag.3.Key` for repeatList and flat
 * parameters, the parameter's own name for the others (their value is one wire parameter). The
 * parameter is the longest name the path starts with: names may hold dots (`SystemDisk.Size`).
 */
export function wireNameOf(path: string, descriptors: readonly ParamDescriptor[]): string {
  let param: ParamDescriptor | undefined;
  for (const d of descriptors) {
    const within = path === d.name || path.startsWith(`${d.name}.`) || path.startsWith(`${d.name}[`);
    if (within && d.name.length > (param?.name.length ?? 0)) param = d;
  }
  const head = param?.name ?? /^[^.[]+/.exec(path)?.[0] ?? path;
  if (param?.style !== 'repeatList' && param?.style !== 'flat') return head;
  return head + path.slice(head.length).replace(/\[(\d+)\]/g, (_, i: string) => `.${Number(i) + 1}`);
}

/** `application/x-www-form-urlencoded` / query text with RFC 3986 encoding, in the given order. */
export function formEncode(params: WireParams, encode: (s: string) => string): string {
  return params.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}
