// Deliberately broken variants of the reference server: a proxy in front of it that breaks one
// behaviour each, so a test can assert the conformance check meant for it catches it.
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signRequest } from '../../templates/runtime/sign-request.ts';

export type Breakage =
  | 'pagesize-unvalidated'
  | 'totalcount-off-by-one'
  | 'one-item-as-object'
  | 'signature-unverified'
  | 'nonce-unchecked'
  | 'xml-wrapper-missing'
  | 'requestid-reused'
  | 'hostid-missing'
  | 'page-repeats-last-item'
  | 'region-status-wrong'
  | 'zone-filter-ignored';

interface Upstream {
  readonly status: number;
  readonly type: string;
  text: string;
}

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

export async function startBrokenServer(
  upstream: string,
  breakage: Breakage,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => void proxy(req, res, upstream, breakage));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: string,
  breakage: Breakage,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  // The Host header goes through unchanged: V3 signs it, and the client signed the proxy's address.
  const headers = Object.fromEntries(
    Object.entries(req.headers).filter(([k]) => k !== 'content-length'),
  ) as Record<string, string>;
  let answer = await forward(upstream, req.method ?? 'GET', req.url ?? '/', headers, body);
  const code = /"Code":"([^"]+)"|<Code>([^<]+)<\/Code>/.exec(answer.text);
  const errorCode = code?.[1] ?? code?.[2];
  const params = apiParams(req.url ?? '/', body);
  const resign = (override: [string, string][] = params) => resigned(upstream, req, override);
  if (breakage === 'signature-unverified' && errorCode === 'SignatureDoesNotMatch') answer = await resign();
  if (breakage === 'zone-filter-ignored' && params.some(([k]) => k === 'ZoneId'))
    answer = await resign(params.filter(([k]) => k !== 'ZoneId'));
  if (breakage === 'nonce-unchecked' && errorCode === 'SignatureNonceUsed') answer = await resign();
  if (
    breakage === 'pagesize-unvalidated' &&
    errorCode === 'InvalidParameter' &&
    /PageSize/.test(answer.text)
  ) {
    answer = await resign(params.map(([k, v]) => [k, k === 'PageSize' ? '50' : v]));
  }
  if (breakage === 'page-repeats-last-item' && answer.status === 200) {
    const page = Number(params.find(([k]) => k === 'PageNumber')?.[1] ?? 1);
    if (page > 1 && answer.type.includes('json')) {
      const previous = JSON.parse(
        (await resign(params.map(([k, v]) => [k, k === 'PageNumber' ? String(page - 1) : v]))).text,
      );
      const current = JSON.parse(answer.text);
      const last = previous.InstanceStatuses.InstanceStatus.at(-1);
      if (last !== undefined && current.InstanceStatuses.InstanceStatus.length > 0)
        current.InstanceStatuses.InstanceStatus[0] = last;
      answer.text = JSON.stringify(current);
    }
  }
  answer = rewrite(answer, breakage, errorCode);
  res.writeHead(answer.status, { 'content-type': answer.type });
  res.end(answer.text);
}

function rewrite(answer: Upstream, breakage: Breakage, errorCode: string | undefined): Upstream {
  const json = answer.type.includes('json');
  switch (breakage) {
    case 'totalcount-off-by-one':
      answer.text = answer.text.replace(
        /"TotalCount":(\d+)/,
        (_m, n: string) => `"TotalCount":${Number(n) + 1}`,
      );
      answer.text = answer.text.replace(
        /<TotalCount>(\d+)<\/TotalCount>/,
        (_m, n: string) => `<TotalCount>${Number(n) + 1}</TotalCount>`,
      );
      return answer;
    case 'one-item-as-object':
      if (json)
        answer.text = answer.text.replace(/"InstanceStatus":\[(\{[^\]]*?\})\]/, (m, item: string) =>
          item.includes('},{') ? m : `"InstanceStatus":${item}`,
        );
      return answer;
    case 'xml-wrapper-missing':
      answer.text = answer.text.replace(/<\/?InstanceStatuses>/g, '');
      return answer;
    case 'requestid-reused':
      answer.text = answer.text
        .replace(/"RequestId":"[^"]+"/, '"RequestId":"SAME"')
        .replace(/<RequestId>[^<]+<\/RequestId>/, '<RequestId>SAME</RequestId>');
      return answer;
    case 'hostid-missing':
      answer.text = answer.text.replace(/"HostId":"[^"]*",?/, '').replace(/<HostId>[^<]*<\/HostId>/, '');
      return answer;
    case 'region-status-wrong':
      return errorCode === 'InvalidRegionId.NotFound' ? { ...answer, status: 400 } : answer;
    default:
      return answer;
  }
}

function forward(
  upstream: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<Upstream> {
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
    r.end(method === 'GET' ? undefined : body);
  });
}

function apiParams(url: string, body: string): [string, string][] {
  const query = [...new URLSearchParams(url.split('?')[1] ?? '')];
  return [...query, ...new URLSearchParams(body)].filter(([k]) => !COMMON.has(k));
}

/** The same call, correctly signed with the reference server's default key: what a server that
 * skipped a check would have answered. */
async function resigned(
  upstream: string,
  req: IncomingMessage,
  params: [string, string][],
): Promise<Upstream> {
  const v1 = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
  const action =
    (req.headers['x-acs-action'] as string | undefined) ?? v1.get('Action') ?? 'DescribeInstanceStatus';
  const signed = await signRequest(
    {
      method: 'GET',
      endpoint: new URL(upstream),
      path: '/',
      action,
      version: '2014-05-26',
      params,
      format: v1.get('Format') === 'XML' ? 'XML' : 'JSON',
    },
    { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
    { signatureVersion: 'v3', now: new Date(), nonce: crypto.randomUUID() },
  );
  return forward(
    upstream,
    'GET',
    signed.url.slice(upstream.length),
    { ...signed.headers, host: new URL(upstream).host },
    '',
  );
}
