// Signed V3 calls made ahead of time, each with its own nonce (the server refuses replays), so a load
// generator measures the server, not signing.
import { type Credentials, signRequest, type UnsignedRequest } from '../templates/runtime/sign-request.ts';

/** The call every server and client bench makes: the reference server's test keys, one GET. */
export function benchCall(endpoint: URL): UnsignedRequest {
  return {
    method: 'GET',
    endpoint,
    path: '/',
    action: 'DescribeInstanceStatus',
    version: '2014-05-26',
    params: [['RegionId', 'cn-hangzhou']],
    format: 'JSON',
  };
}

export const BENCH_KEYS: Credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };

/** Signed ahead of time, each with its own nonce: the load generator then measures the server, not signing. */
export async function presign(url: string, count: number) {
  const endpoint = new URL(url);
  const one = async (i: number) => {
    const r = await signRequest(benchCall(endpoint), BENCH_KEYS, {
      signatureVersion: 'v3',
      now: new Date(),
      nonce: `bench-${i}-${Math.random()}`,
    });
    return { path: r.url.slice(url.length), headers: { ...r.headers, host: endpoint.host } };
  };
  const requests = [];
  // In batches: WebCrypto works off the main thread, so signing in parallel halves the wait.
  for (let i = 0; i < count; i += 1_000) {
    requests.push(
      ...(await Promise.all(Array.from({ length: Math.min(1_000, count - i) }, (_, j) => one(i + j)))),
    );
  }
  return requests;
}
