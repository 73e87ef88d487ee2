// The response format as the spec pins it (`x-acs-service.responseFormat`, the descriptor's
// `protocol`): its parameter (`Format`) names JSON or XML, in any case when the spec says so; without
// it, an Accept header that names XML when the spec lets Accept choose; else the spec's default.
// Before the service is known (an error answered before routing) the RPC convention stands in.
import type { IncomingHttpHeaders } from 'node:http';
import type { ProtocolDescriptor } from '../../templates/runtime/descriptors.ts';
import type { Format } from './render.ts';

/** How a service's answers get their format. */
export type FormatRule = Pick<
  ProtocolDescriptor,
  'formatParameter' | 'caseInsensitive' | 'acceptHeader' | 'defaultFormat'
>;

/** What every RPC product does (its common parameters): for a spec that pins nothing, and before
 * the request is routed to a service. */
export const RPC_FORMAT: FormatRule = {
  formatParameter: 'Format',
  caseInsensitive: true,
  acceptHeader: true,
  defaultFormat: 'JSON',
};

/** The rule every one of these services agrees on, else (none given, or they differ) the RPC convention. */
export function sharedRule(protocols: readonly (FormatRule | undefined)[]): FormatRule {
  const rules = protocols.map((p) => p ?? RPC_FORMAT);
  const first = rules[0] ?? RPC_FORMAT;
  const same = (r: FormatRule) =>
    r.formatParameter === first.formatParameter &&
    (r.caseInsensitive === true) === (first.caseInsensitive === true) &&
    r.acceptHeader === first.acceptHeader &&
    r.defaultFormat === first.defaultFormat;
  return rules.every(same) ? first : RPC_FORMAT;
}

export function chooseFormat(
  pairs: readonly (readonly [string, string])[],
  headers: IncomingHttpHeaders,
  rule: FormatRule = RPC_FORMAT,
): Format {
  const named = pairs.find(([key]) => key === rule.formatParameter)?.[1];
  if (named !== undefined) {
    const value = rule.caseInsensitive === true ? named.toUpperCase() : named;
    return value === 'XML' || value === 'JSON' ? value : rule.defaultFormat;
  }
  if (rule.acceptHeader) {
    const accept = (headers.accept ?? '').toLowerCase();
    if (/(application|text)\/xml/.test(accept) && !accept.startsWith('application/json')) return 'XML';
    if (accept.includes('json')) return 'JSON';
  }
  return rule.defaultFormat;
}

/** Before the request is read (for the method check's error): the query's format and Accept only,
 * by the RPC convention (no service is known yet). */
export function formatOfUrl(url: string, headers: IncomingHttpHeaders): Format {
  const q = url.indexOf('?');
  // URLSearchParams never throws on bad escapes; the real decoding comes later.
  const format = new URLSearchParams(q < 0 ? '' : url.slice(q + 1)).get(RPC_FORMAT.formatParameter);
  return chooseFormat(format === null ? [] : [[RPC_FORMAT.formatParameter, format]], headers);
}
