// String length in Unicode code points, as JSON Schema counts it (minLength/maxLength). The
// generated validators use this instead of ajv's CommonJS runtime helper, so they stay pure ESM.
export function ucs2length(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}
