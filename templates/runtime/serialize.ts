// Typed request → wire parameters: flat `Name=value`, repeat lists `Name.1=a&Name.2=b` (1-based).
import type { ParamDescriptor } from './descriptors.js';

/** Parameters as they go on the wire: names already flattened (`InstanceId.1`), values as text. */
export type WireParams = ReadonlyArray<readonly [string, string]>;

export function toWireParams(
  params: Readonly<Record<string, unknown>>,
  descriptors: readonly ParamDescriptor[],
): Array<[string, string]> {
  const wire: Array<[string, string]> = [];
  const styles = new Map(descriptors.map((d) => [d.name, d.style]));
  const names = [...descriptors.map((d) => d.name), ...Object.keys(params).filter((k) => !styles.has(k))];
  for (const name of names) {
    const value = params[name];
    if (value === undefined || value === null) continue;
    if (styles.get(name) === 'repeatList' && Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== undefined && item !== null) wire.push([`${name}.${i + 1}`, String(item)]);
      });
    } else {
      wire.push([name, String(value)]);
    }
  }
  return wire;
}

/** `application/x-www-form-urlencoded` / query text with RFC 3986 encoding, in the given order. */
export function formEncode(params: WireParams, encode: (s: string) => string): string {
  return params.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}
