// Sends one signed RPC request, optionally bent out of shape after signing, and reads the answer.
import { newNonce } from '../runtime/crypto.js';
import { parseJson } from '../runtime/json.js';
import { redactForm, redactHeaders, redactUrl } from '../runtime/redact.js';
import { type SignatureVersion, type SignedRequest, signRequest } from '../runtime/sign-request.js';
import { parseXml } from '../runtime/xml.js';
import { type CheckContext, CheckFailure } from './types.js';

/** An action no service has: routing checks expect InvalidAction.NotFound for it. */
export const UNKNOWN_ACTION = 'NoSuchActionAnywhere';

export interface SendOptions {
  /** Always named: a check sends its own action, never a default one. */
  readonly action: string;
  readonly version?: string;
  readonly params: ReadonlyArray<readonly [string, string]>;
  readonly signature?: SignatureVersion;
  readonly method?: 'GET' | 'POST';
  readonly format?: 'JSON' | 'XML';
  readonly accessKeyId?: string;
  readonly secret?: string;
  readonly nonce?: string;
  readonly clockOffsetMs?: number;
  /** Changes the signed request before it is sent (tampering, omissions). */
  readonly mutate?: (request: SignedRequest) => SignedRequest;
}

export interface Exchange {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body as data: JSON parsed, or XML parsed (root element's content). */
  readonly body: Record<string, unknown> | undefined;
  /** Secrets redacted: what a failure report shows. */
  readonly sent: string;
}

export async function send(ctx: CheckContext, options: SendOptions): Promise<Exchange> {
  // The action's header parameters (`in: header`) among the pairs go as headers (assert.ts wire).
  const descriptor = ctx.facts.actions.find((a) => a.descriptor.name === options.action)?.descriptor;
  const headerNames = new Set(
    (descriptor?.params ?? []).filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
  );
  const isHeader = ([name]: readonly [string, string]) => headerNames.has(name);
  const signed = await signRequest(
    {
      method: options.method ?? 'GET',
      endpoint: new URL(ctx.target.endpoint),
      path: '/',
      action: options.action,
      version: options.version ?? ctx.facts.service.apiVersion,
      params: options.params.filter((pair) => !isHeader(pair)),
      headers: options.params.filter(isHeader),
      format: options.format ?? 'JSON',
    },
    {
      accessKeyId: options.accessKeyId ?? ctx.target.accessKeyId,
      accessKeySecret: options.secret ?? ctx.target.accessKeySecret,
    },
    {
      signatureVersion: options.signature ?? 'v3',
      now: new Date(Date.now() + (options.clockOffsetMs ?? 0)),
      nonce: options.nonce ?? newNonce(),
    },
  );
  const request = options.mutate?.(signed) ?? signed;
  const sent = describeRequest(request);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
  } catch (error) {
    throw new CheckFailure(`the request failed: ${(error as Error).message}`, { sent });
  }
  const text = await response.text();
  const body = await readBody(text, response.headers.get('content-type') ?? '');
  const code = body?.Code;
  if (response.status >= 400 && typeof code === 'string') ctx.codesSeen.add(code);
  return { status: response.status, headers: response.headers, text, body, sent };
}

async function readBody(text: string, type: string): Promise<Record<string, unknown> | undefined> {
  try {
    if (type.includes('xml') || text.trimStart().startsWith('<')) {
      const tree = await parseXml(text);
      const root = Object.values(tree)[0];
      return root !== null && typeof root === 'object' ? (root as Record<string, unknown>) : {};
    }
    // The client's own reader: int64 values keep every digit, as the client would see them.
    const value = parseJson(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function describeRequest(request: SignedRequest): string {
  const headers = Object.entries(redactHeaders(request.headers))
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `${request.method} ${redactUrl(request.url)}\n${headers}${request.body === undefined ? '' : `\n\n${redactForm(request.body)}`}`;
}

export function describeResponse(exchange: Exchange): string {
  return `HTTP ${exchange.status}\n${exchange.text.slice(0, 600)}`;
}
