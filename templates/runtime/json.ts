// JSON text → value without silent precision loss: integer literals beyond 2^53 are quoted before
// JSON.parse sees them (Node 20 has no reviver `context.source`), so an int64 field keeps every digit
// as a decimal string and any other integer field can refuse the value instead of rounding it.

/** 16 digits in a row is the shortest text that can hold an unsafe integer. */
const LONG_DIGITS = /\d{16}/;

export function parseJson(text: string): unknown {
  return JSON.parse(LONG_DIGITS.test(text) ? quoteUnsafeIntegers(text) : text);
}

/** Rewrites `253460731706911258` outside strings as `"253460731706911258"`; everything else as is. */
export function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let end = i + 1;
      while (end < text.length && /[0-9.eE+-]/.test(text[end]!)) end++;
      const token = text.slice(i, end);
      out += /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token)) ? `"${token}"` : token;
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index just past the string literal that opens at `start` (or the end of a truncated text). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, text.length);
}
