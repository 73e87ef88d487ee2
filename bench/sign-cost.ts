// The CPU one signature costs, client and reference server, beside another checkout's code in the
// same process and the same minutes: the runtime's signer with node:crypto (a client's V3 GET, V3
// POST and V1 GET of the per-call bench's shape, its own nonce each) and the server's V3 verification
// signature of the same requests. Rounds alternate between the checkouts; medians of CPU µs per
// signature (or verification), and whether both produce the same results.
//   npx tsx bench/sign-cost.ts [other repository root ...]   (default: this repository alone)
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const N = Number(process.env.CALLS ?? 20_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const roots = [ROOT, ...process.argv.slice(2).map((dir) => resolve(dir))];

type Case = (i: number) => string | Promise<string>;

async function cases(root: string): Promise<Map<string, Case>> {
  const at = (file: string) => import(pathToFileURL(join(root, file)).href);
  const { signWithSignature } = await at('templates/runtime/sign-request.ts');
  const { nodeSigningCrypto } = await at('templates/runtime/crypto-node.ts');
  const { signatureV3 } = await at('server/auth/sign.ts');
  const { verifyV3 } = await at('server/auth/verify-v3.ts');
  const { NonceRegistry } = await at('server/auth/nonces.ts');
  const crypto = nodeSigningCrypto();
  const endpoint = new URL('http://127.0.0.1:8080');
  const creds = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
  const now = new Date('2026-12-06T11:00:00Z');
  const request = (method: 'GET' | 'POST') => ({
    method,
    endpoint,
    path: '/',
    action: 'DescribeInstanceStatus',
    version: '2014-05-26',
    params: [
      ['RegionId', 'cn-hangzhou'],
      ['PageSize', '50'],
    ],
    format: 'JSON',
  });
  const client = (method: 'GET' | 'POST', signatureVersion: 'v3' | 'v1'): Case => {
    const req = request(method);
    return async (i) =>
      (await signWithSignature(req, creds, { signatureVersion, now, nonce: `nonce-${i}`, crypto })).signature;
  };
  const headers = (i: number) => ({
    host: '127.0.0.1:8080',
    'x-acs-action': 'DescribeInstanceStatus',
    'x-acs-version': '2014-05-26',
    'x-acs-date': '2026-12-06T11:00:00Z',
    'x-acs-signature-nonce': `nonce-${i}`,
    'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  });
  const query: [string, string][] = [
    ['RegionId', 'cn-hangzhou'],
    ['PageSize', '50'],
  ];
  const server: Case = (i) =>
    signatureV3(
      {
        method: 'GET',
        path: '/',
        query,
        headers: headers(i),
        hashedPayload: headers(i)['x-acs-content-sha256'],
      },
      'testsecret',
      // The server's own crypto, which keeps derived keys (a checkout whose signer takes none ignores it).
      crypto,
    );
  // The whole of a V3 verification: the Authorization header read, the signed headers gathered, the
  // body's hash, the timestamp, the key, the signature compared and the nonce claimed (every call its
  // own). A checkout whose context takes no crypto ignores it.
  const time = Date.parse('2026-12-06T11:00:00Z');
  const auth = {
    keys: new Map([['testid', creds]]),
    nonces: new NonceRegistry(60_000),
    now: () => time,
    windowSeconds: 900,
    lastTimestamp: { text: '', time: Number.NaN },
    crypto,
  };
  const signedList = 'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version';
  const wire = (i: number) => {
    const h = headers(i);
    const signature = signatureV3(
      { method: 'GET', path: '/', query, headers: h, hashedPayload: h['x-acs-content-sha256'] },
      'testsecret',
    );
    const authorization = `ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=${signedList},Signature=${signature}`;
    return {
      method: 'GET',
      path: '/',
      query,
      form: [],
      body: '',
      bodyBytes: Buffer.alloc(0),
      headers: { ...h, authorization, accept: 'application/json', 'user-agent': 'bench' },
      host: h.host,
    };
  };
  // Signed once, outside the measured loop; each run starts with an empty nonce registry.
  const prepared = Array.from({ length: N }, (_, i) => wire(i));
  const verification: Case = (i) => {
    if (i === 0) auth.nonces = new NonceRegistry(60_000);
    return verifyV3(prepared[i]!, auth);
  };
  return new Map([
    ['client V3 GET', client('GET', 'v3')],
    ['client V3 POST', client('POST', 'v3')],
    ['client V1 GET', client('GET', 'v1')],
    ['server V3 verification signature', server],
    ['server V3 verification, whole', verification],
  ]);
}

async function run(fn: Case, n: number): Promise<{ micros: number; last: string }> {
  let last = '';
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const out = fn(i);
    last = typeof out === 'string' ? out : await out;
  }
  const used = process.cpuUsage(cpu);
  return { micros: (used.user + used.system) / n, last };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const load = loadavg()[0]!;
const all = await Promise.all(roots.map(async (root) => ({ root, cases: await cases(root) })));
const names = [...all[0]!.cases.keys()];
for (const name of names) {
  const samples = all.map(() => [] as number[]);
  const lasts = all.map(() => '');
  for (const { cases: c } of all) await run(c.get(name)!, 2_000); // warm up
  for (let round = 0; round < ROUNDS; round++) {
    for (let j = 0; j < all.length; j++) {
      const k = (j + round) % all.length;
      const { micros, last } = await run(all[k]!.cases.get(name)!, N);
      samples[k]!.push(micros);
      lasts[k] = last;
    }
  }
  const same = lasts.every((l) => l === lasts[0]);
  const row = all.map(
    ({ root }, k) => `${root === ROOT ? 'this' : root}: ${median(samples[k]!).toFixed(2)} µs`,
  );
  console.log(`${name}: ${row.join(', ')}${all.length > 1 ? `, same results: ${same}` : ''}`);
}
console.log(`load average ${load.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`);
