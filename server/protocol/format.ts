// The response format as the spec pins it: JSON unless Format=XML (any case), or, without Format, an
// Accept header that names XML.
import type { IncomingHttpHeaders } from 'node:http';
import type { Format } from './render.ts';

export function chooseFormat(
  pairs: readonly (readonly [string, string])[],
  headers: IncomingHttpHeaders,
): Format {
  const format = pairs.find(([k]) => k === 'Format')?.[1];
  if (format !== undefined) return format.toUpperCase() === 'XML' ? 'XML' : 'JSON';
  const accept = (headers.accept ?? '').toLowerCase();
  return /(application|text)\/xml/.test(accept) && !accept.startsWith('application/json') ? 'XML' : 'JSON';
}

/** Before the request is read (for the method check's error): the query's Format and Accept only. */
export function formatOfUrl(url: string, headers: IncomingHttpHeaders): Format {
  const q = url.indexOf('?');
  // URLSearchParams never throws on bad escapes; the real decoding comes later.
  const format = new URLSearchParams(q < 0 ? '' : url.slice(q + 1)).get('Format');
  return chooseFormat(format === null ? [] : [['Format', format]], headers);
}
