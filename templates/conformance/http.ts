// Sends one signed RPC request, optionally bent out of shape after signing, and reads the answer.
import { newNonce } from '../runtime/crypto.js';
import { parseJson } from '../runtime/json.js';
import { redactForm, redactHeaders, redactUrl } from '../runtime/redact-request.js';
import { type SignatureVersion, type SignedRequest, signRequest } from '../runtime/sign-request.js';
import { parseXml } from '../runtime/xml.js';
import { decodePairs } from './tamper.js';
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
  /** Changes the signed request before it is sent (tampering, omissions, re-signing). */
  readonly mutate?: (request: SignedRequest) => SignedRequest | Promise<SignedRequest>;
  /** Sends this `Host` header instead of the endpoint's (fetch cannot: Node's own http client does). */
  readonly host?: string;
}

export interface Exchange {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body as data: JSON parsed, or XML parsed (root element's content). */
  readonly body: Record<string, unknown> | undefined;
  /** Secrets redacted: what a failure report shows. */
  readonly sent: string;
  /** The request's signature and token, for hiding them wherever the answer quotes them. */
  readonly secrets: readonly string[];
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
      formatParameter: ctx.facts.service.protocol?.formatParameter,
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
  const request = (await options.mutate?.(signed)) ?? signed;
  const secrets = secretsOf(request);
  remember(ctx, secrets);
  const sent = describeRequest(request);
  let response: { status: number; headers: Headers; text: string };
  try {
    response = await (options.host === undefined ? viaFetch(request) : viaNodeHttp(request, options.host));
  } catch (error) {
    throw new CheckFailure(`the request failed: ${(error as Error).message}`, { sent, secrets });
  }
  const body = await readBody(response.text, response.headers.get('content-type') ?? '');
  const code = body?.Code;
  if (response.status >= 400 && typeof code === 'string') ctx.codesSeen.add(code);
  return { ...response, body, sent, secrets };
}

/** How many of the latest requests' secrets a run keeps for scrubbing its reports. */
const REMEMBERED = 512;

function remember(ctx: CheckContext, secrets: readonly string[]): void {
  ctx.secrets.push(...secrets);
  if (ctx.secrets.length > REMEMBERED) ctx.secrets.splice(0, ctx.secrets.length - REMEMBERED);
}

/** The request's signature (V1's decoded, V3's hex) and token, wherever they travel. */
function secretsOf(request: SignedRequest): string[] {
  const found: string[] = [];
  const v3 = /Signature=([^,\s]+)/.exec(request.headers.authorization ?? '')?.[1];
  if (v3 !== undefined) found.push(v3);
  const token = request.headers['x-acs-security-token'];
  if (token !== undefined) found.push(token);
  // Only the two parameters' values are decoded: this runs for every request of a run.
  for (const text of [request.url, request.body ?? ''])
    for (const [, value] of text.matchAll(/(?:^|[?&])(?:Signature|SecurityToken)=([^&]*)/g))
      found.push(...decodePairs(`v=${value}`).map(([, v]) => v));
  return found;
}

async function viaFetch(request: SignedRequest): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The request with a `Host` header of the check's choosing, to the endpoint's own address. */
async function viaNodeHttp(
  request: SignedRequest,
  host: string,
): Promise<{ status: number; headers: Headers; text: string }> {
  const url = new URL(request.url);
  const { request: send } =
    url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const outgoing = send(
      url,
      { method: request.method, headers: { ...request.headers, host }, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            if (typeof value === 'string') headers.set(name, value);
          resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
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
