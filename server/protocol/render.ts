// Response bodies in JSON or XML, from the action's response shape (the spec's `xml` objects).
import type { Shape } from '../../templates/runtime/descriptors.ts';

export type Format = 'JSON' | 'XML';

export function contentType(format: Format): string {
  return format === 'XML' ? 'application/xml;charset=utf-8' : 'application/json;charset=utf-8';
}

export function render(format: Format, root: string, shape: Shape, value: unknown): string {
  if (format === 'JSON') return JSON.stringify(value);
  return `<?xml version="1.0" encoding="UTF-8"?><${root}>${xmlChildren(shape, value)}</${root}>`;
}

function xmlChildren(shape: Shape, value: unknown): string {
  if (shape.kind !== 'object' || value === null || typeof value !== 'object')
    return escapeXml(String(value ?? ''));
  let out = '';
  const record = value as Record<string, unknown>;
  const entries: [string, Shape][] = Object.entries(shape.properties);
  // Map entries after the declared fields, each an element named by its key.
  const { additional } = shape;
  if (additional !== undefined)
    for (const key of Object.keys(record))
      if (!Object.hasOwn(shape.properties, key)) entries.push([key, additional]);
  for (const [name, child] of entries) {
    const v = record[name];
    if (v === undefined) continue;
    if (child.kind === 'array') {
      // Unwrapped list: the items repeat inside the parent, named by the item element name.
      const item = child.xmlItemName ?? name;
      for (const entry of v as unknown[]) out += `<${item}>${xmlChildren(child.items, entry)}</${item}>`;
    } else {
      out += `<${name}>${xmlChildren(child, v)}</${name}>`;
    }
  }
  return out;
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) =>
      `&${({ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' } as Record<string, string>)[c]};`,
  );
}

export { ERROR_ENVELOPE_SHAPE as ERROR_SHAPE } from '../../templates/runtime/response-error.ts';
