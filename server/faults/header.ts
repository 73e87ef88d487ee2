// The per-request fault header, for testing clients. Syntax (server/README.md): comma-separated
// items, each `throttling | 5xx | 500 | 503 | reset | malformed`, optionally `;times=N` (only the first
// N requests with the same fingerprint fail), or `latency=MS` or `ratelimit=N`.
// Sent as `x-acs-fault` (exempt from V3's rule that every x-acs-* header be signed: it is a test
// control, not part of the protocol) or `acs-rpc-fault`; when both are sent, both apply.
import type { IncomingHttpHeaders } from 'node:http';
import { ServerError } from '../protocol/server-error.ts';

export const FAULT_HEADERS: readonly string[] = ['x-acs-fault', 'acs-rpc-fault'];

export type FaultKind = 'throttling' | '500' | '503' | 'reset' | 'malformed';

export interface FaultRule {
  readonly kind: FaultKind;
  /** Fail only the first `times` requests with the same fingerprint; always when absent. */
  readonly times?: number;
}

export interface RequestFaults {
  readonly rules: readonly FaultRule[];
  readonly latencyMs: number;
  readonly rateLimit: number | undefined;
  /** The header text, part of the fingerprint of `times` rules. */
  readonly text: string;
}

const KINDS: Readonly<Record<string, FaultKind>> = {
  throttling: 'throttling',
  '5xx': '500',
  '500': '500',
  '503': '503',
  reset: 'reset',
  malformed: 'malformed',
};

/** What a request without a fault header gets: nothing. */
const NO_FAULTS: RequestFaults = Object.freeze({
  rules: Object.freeze([]),
  latencyMs: 0,
  rateLimit: undefined,
  text: '',
});

export function readFaultHeaders(headers: IncomingHttpHeaders): RequestFaults {
  let text = '';
  for (const name of FAULT_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string' && value !== '') text = text === '' ? value : `${text},${value}`;
  }
  return text === '' ? NO_FAULTS : parseFaultHeader(text);
}

export function parseFaultHeader(text: string): RequestFaults {
  const rules: FaultRule[] = [];
  let latencyMs = 0;
  let rateLimit: number | undefined;
  for (const item of text.split(',').map((p) => p.trim())) {
    if (item === '') continue;
    const [head = '', ...options] = item.split(';').map((p) => p.trim());
    const [name = '', value] = head.split('=');
    if (name === 'latency' && options.length === 0 && isCount(value, 5)) latencyMs = Number(value);
    else if (name === 'ratelimit' && options.length === 0 && isCount(value, 6)) rateLimit = Number(value);
    else if (Object.hasOwn(KINDS, name) && value === undefined) rules.push(rule(KINDS[name]!, options, item));
    else throw unknown(item);
  }
  return { rules, latencyMs, rateLimit, text };
}

function rule(kind: FaultKind, options: readonly string[], item: string): FaultRule {
  if (options.length === 0) return { kind };
  const times = /^times=(\d{1,6})$/.exec(options[0] ?? '')?.[1];
  if (options.length > 1 || times === undefined) throw unknown(item);
  return { kind, times: Number(times) };
}

function isCount(value: string | undefined, digits: number): value is string {
  return value !== undefined && new RegExp(`^\\d{1,${digits}}$`).test(value);
}

function unknown(item: string): ServerError {
  return new ServerError('InvalidParameter', 'x-acs-fault', `Unknown fault "${item}".`);
}
