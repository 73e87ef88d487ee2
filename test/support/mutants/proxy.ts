// A proxy in front of the reference server that behaves as one broken server would: each variant
// (variant.ts) sees every request and answers it, by forwarding it as it came, by forwarding a
// correctly re-signed equivalent (what a server that skipped a check would then have answered), or by
// rewriting the answer. A variant is transparent for everything it does not break.
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodePairs } from '../../../server/http/read-request.ts';
import { signRequest } from '../../../templates/runtime/sign-request.ts';
import type { Answer, Call, Variant } from './variant.ts';

/** The key the reference server accepts by default; re-signed requests and signature checks use it. */
export const TEST_KEY = { accessKeyId: 'testid', accessKeySecret: 'testsecret' } as const;

/** The V1 common parameters: what is left is the request's API parameters. */
const COMMON = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'SecurityToken',
  'Signature',
]);

export interface RunningProxy {
  readonly url: string;
  close(): Promise<void>;
}

/** The transparent proxy: every request forwarded as it came. */
export const TRANSPARENT: Variant = {
  name: 'transparent',
  category: 'none',
  bug: 'none: forwards every request as it came',
  serve: (call) => call.forward(),
};

export async function startMutant(upstream: string, variant: Variant): Promise<RunningProxy> {
  let seen = 0;
  const server = createServer((req, res) => void proxy(req, res, upstream, variant, seen++));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: string,
  variant: Variant,
  seen: number,
): Promise<void> {
  try {
    const answer = await variant.serve(await readCall(req, upstream), seen);
    res.writeHead(answer.status, { 'content-type': answer.type });
    res.end(answer.text);
  } catch (error) {
    // A broken variant must show as a broken variant, never as a hang.
    res.writeHead(599, { 'content-type': 'text/plain' });
    res.end(`mutant proxy failed: ${(error as Error).stack}`);
  }
}

async function readCall(req: IncomingMessage, upstream: string): Promise<Call> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const url = req.url ?? '/';
  const method = req.method ?? 'GET';
  // The Host header goes through unchanged: V3 signs it, and the client signed the proxy's address.
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (k !== 'content-length' && v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const rawQuery = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  const isForm = (headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  const pairs = [...safePairs(rawQuery), ...(isForm ? safePairs(body) : [])];
  const get = (name: string) => pairs.find(([k]) => k === name)?.[1];
  // V3 carries its signature and action in headers; anything else is read as V1, as the server reads it.
  const signature =
    headers.authorization !== undefined || headers['x-acs-action'] !== undefined ? 'v3' : 'v1';
  const format = formatOf(get('Format'), headers.accept);
  const call: Call = {
    method,
    url,
    rawQuery,
    headers,
    body,
    pairs,
    params: pairs.filter(([k]) => !COMMON.has(k)),
    signature,
    action: headers['x-acs-action'] ?? get('Action') ?? '',
    version: headers['x-acs-version'] ?? get('Version') ?? '',
    format,
    forward: (changed = {}) =>
      forward(
        upstream,
        changed.method ?? method,
        changed.url ?? url,
        changed.headers ?? headers,
        changed.body ?? body,
      ),
    resign: (params = call.params, options = {}) =>
      resigned(upstream, {
        action: options.action ?? call.action,
        version: options.version ?? (call.version || '2014-05-26'),
        format: options.format ?? format,
        params,
        secret: options.secret ?? TEST_KEY.accessKeySecret,
      }),
  };
  return call;
}

/** The format the reference server answers in: `Format` (any case), else an Accept naming XML. */
function formatOf(format: string | undefined, accept: string | undefined): 'JSON' | 'XML' {
  if (format !== undefined) return format.toUpperCase() === 'XML' ? 'XML' : 'JSON';
  return /\b(application|text)\/xml\b/i.test(accept ?? '') ? 'XML' : 'JSON';
}

function safePairs(text: string): [string, string][] {
  try {
    return decodePairs(text);
  } catch {
    return [];
  }
}

export function forward(
  upstream: string,
  method: string,
  path: string,
  headers: Readonly<Record<string, string>>,
  body: string,
): Promise<Answer> {
  const target = new URL(upstream);
  return new Promise((resolve, reject) => {
    const r = request({ host: target.hostname, port: target.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    r.on('error', reject);
    r.end(method === 'GET' || body === '' ? undefined : body);
  });
}

/** The same call, correctly signed (V3, GET) with the test key: what a server that skipped a check
 * would have answered. The answer does not depend on the method or the signature version. */
async function resigned(
  upstream: string,
  call: {
    action: string;
    version: string;
    format: 'JSON' | 'XML';
    params: readonly (readonly [string, string])[];
    secret: string;
  },
): Promise<Answer> {
  const signed = await signRequest(
    {
      method: 'GET',
      endpoint: new URL(upstream),
      path: '/',
      action: call.action,
      version: call.version,
      params: call.params,
      format: call.format,
    },
    { accessKeyId: TEST_KEY.accessKeyId, accessKeySecret: call.secret },
    { signatureVersion: 'v3', now: new Date(), nonce: crypto.randomUUID() },
  );
  return forward(
    upstream,
    'GET',
    signed.url.slice(new URL(upstream).origin.length),
    { ...signed.headers, host: new URL(upstream).host },
    '',
  );
}
