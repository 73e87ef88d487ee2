// Authentication bugs: signatures checked over part of what is signed, headers that need not be
// signed, timestamps, nonces and the precedence of authentication errors (spec/README.md, the binding;
// x-acs-service.signature in spec/ecs.yaml: a 900-second window).
import { conformanceFacts } from '@acs-rpc/ecs/conformance';
import { canonicalQuery } from '../../../templates/runtime/encode.ts';
import { type Answer, asError, type Call, onError, type Variant } from './variant.ts';
import { requestTime, v1Verifies, v3Authorization, v3Expected, v3Verifies } from './verify.ts';

const WINDOW_MS = 900_000;

/** What the broken server answers once its lax check passed: the call, as if correctly signed. */
const accept = (call: Call) => call.resign();
/** The reference server's SignatureDoesNotMatch for this call, in its format. */
const refuse = (call: Call) => call.resign(call.params, { secret: 'not-the-secret' });
const verifies = (call: Call) => (call.signature === 'v3' ? v3Verifies(call) : v1Verifies(call));
const acceptIfSigned = async (call: Call) => ((await verifies(call)) ? accept(call) : refuse(call));

/** Headers V3 wants signed that the request's SignedHeaders leaves out. */
function unsigned(call: Call): string[] {
  const signed = v3Authorization(call)?.signedHeaders ?? [];
  return Object.keys(call.headers).filter(
    (h) => (h.startsWith('x-acs-') || h === 'content-type' || h === 'host') && !signed.includes(h),
  );
}

/** The one request that shows the bug (verdicts.ts says which check, if any, catches it). */
type Verdict = { witness?: string };

/** A server that requires every header V3 wants signed but some. */
function unsignedAllowed(
  name: string,
  bug: string,
  allowed: (header: string) => boolean,
  verdict: Verdict,
): Variant {
  return {
    name,
    category: 'authentication',
    bug,
    ...verdict,
    serve: onError(['IncompleteSignature'], async (call, answer) => {
      const missing = unsigned(call);
      const lax = call.signature === 'v3' && missing.length > 0 && missing.every(allowed);
      return lax && (await v3Verifies(call)) ? accept(call) : answer;
    }),
  };
}

/** Parameter names the action declares (a repeat list's items and flattened fields included). */
function declared(action: string): ((name: string) => boolean) | undefined {
  const facts = conformanceFacts.actions.find((a) => a.descriptor.name === action);
  if (facts === undefined) return undefined;
  const names = facts.params.map((p) => p.name);
  return (name) => names.some((n) => name === n || name.startsWith(`${n}.`));
}

const V1_COMMON =
  /^(Action|Version|Format|AccessKeyId|SignatureMethod|SignatureVersion|SignatureNonce|Timestamp|SecurityToken|Signature)$/;

/** The canonical string covers only the parameters the server knows; the others go unread. */
function knownParamsOnly(version: 'v1' | 'v3', witness?: string): Variant {
  return {
    name: `${version}-signs-known-params-only`,
    category: 'authentication',
    bug: `${version.toUpperCase()} canonicalizes only the parameters the action declares, so one added after signing goes unnoticed (and one signed is refused)`,
    ...(witness === undefined ? {} : { witness }),
    serve: async (call) => {
      const known = declared(call.action);
      if (call.signature !== version || known === undefined) return call.forward();
      const kept = (k: string) => (version === 'v1' && V1_COMMON.test(k)) || known(k);
      if (call.pairs.every(([k]) => kept(k))) return call.forward();
      const subset = call.pairs.filter(([k]) => kept(k));
      const laxOk =
        version === 'v1'
          ? await v1Verifies(call, { pairs: subset })
          : call.method === 'GET' && (await v3Verifies(call, { query: subset }));
      return laxOk ? call.resign(call.params.filter(([k]) => known(k))) : refuse(call);
    },
  };
}

/** A request time the lax server accepts although the reference server answered this code. */
function laxTime(
  name: string,
  bug: string,
  code: 'InvalidTimeStamp.Expired' | 'InvalidTimeStamp.Format',
  accepts: (call: Call, time: number) => boolean,
  verdict: Verdict,
): Variant {
  return {
    name,
    category: 'authentication',
    bug,
    ...verdict,
    serve: onError([code], async (call, answer) => {
      const time = Date.parse(requestTime(call) ?? '');
      return Number.isFinite(time) && accepts(call, time) ? acceptIfSigned(call) : answer;
    }),
  };
}

const v3 = (call: Call) => call.signature === 'v3';
const v1 = (call: Call) => call.signature === 'v1';

export const AUTH_VARIANTS: readonly Variant[] = [
  {
    name: 'v3-body-hash-trusted',
    category: 'authentication',
    bug: 'V3 signs over the x-acs-content-sha256 header as sent and never hashes the body, so a POST body changed after signing is accepted',
    witness:
      'POST signed V3, then one form parameter of the body changed (x-acs-content-sha256 as signed): SignatureDoesNotMatch',
    serve: onError(['SignatureDoesNotMatch'], async (call, answer) => {
      const claimed = call.headers['x-acs-content-sha256'];
      return v3(call) && claimed !== undefined && (await v3Verifies(call, { hashedPayload: claimed }))
        ? accept(call)
        : answer;
    }),
  },
  knownParamsOnly(
    'v3',
    'GET signed V3, then `&ZzAddedAfterSigning=1` appended to the query: SignatureDoesNotMatch (auth.v1.param-changed does this for V1 only)',
  ),
  knownParamsOnly('v1'),
  unsignedAllowed(
    'v3-host-unsigned',
    'V3 does not require host among SignedHeaders, so a request can be replayed to another host',
    (h) => h === 'host',
    {
      witness:
        'a V3 request signed without host (SignedHeaders lacks host, signature computed over the rest): IncompleteSignature',
    },
  ),
  unsignedAllowed(
    'v3-content-type-unsigned',
    'V3 does not require content-type among SignedHeaders on a POST',
    (h) => h === 'content-type',
    { witness: 'a V3 POST signed without content-type in SignedHeaders: IncompleteSignature' },
  ),
  unsignedAllowed(
    'v3-content-sha256-unsigned',
    'V3 requires every x-acs-* header signed but x-acs-content-sha256 (taken as derived from the body)',
    (h) => h === 'x-acs-content-sha256',
    {
      witness:
        'a V3 request whose SignedHeaders leaves out x-acs-content-sha256 (signature over the rest): IncompleteSignature',
    },
  ),
  unsignedAllowed(
    'v3-only-own-headers-signed',
    'V3 requires only its own five x-acs-* headers and host signed; any other x-acs-* header may go unsigned',
    (h) => h.startsWith('x-acs-') && !/^x-acs-(action|version|date|signature-nonce|content-sha256)$/.test(h),
    {},
  ),
  {
    name: 'v3-absent-signed-header-empty',
    category: 'authentication',
    bug: 'V3 reads a header listed in SignedHeaders but not sent as empty instead of refusing the request',
    witness:
      'a V3 request signed with `x-acs-extra:` (empty) in SignedHeaders, the header then left out: IncompleteSignature',
    serve: onError(['IncompleteSignature'], async (call, answer) => {
      const auth = v3Authorization(call);
      const absent = auth?.signedHeaders.filter((h) => call.headers[h] === undefined) ?? [];
      const lax = absent.length > 0 && unsigned(call).length === 0;
      return lax && (await v3Verifies(call, { absentHeader: '' })) ? accept(call) : answer;
    }),
  },
  {
    name: 'v3-signature-any-case',
    category: 'authentication',
    bug: 'V3 compares the hex signature case-insensitively (upper-case hex accepted)',
    witness: 'a valid V3 request with the Signature hex in upper case: IncompleteSignature',
    serve: onError(['IncompleteSignature'], async (call, answer) => {
      const auth = v3Authorization(call);
      const lax =
        auth !== undefined &&
        unsigned(call).length === 0 &&
        (await v3Expected(call)) === auth.signature.toLowerCase();
      return lax ? accept(call) : answer;
    }),
  },
  {
    name: 'v3-canonical-query-as-sent',
    category: 'authentication',
    bug: 'V3 canonicalizes the query from the text as sent, not from decoded values, so the official SDK’s raw `*` (signed as %2A) fails',
    witness:
      'a V3 GET whose query carries a value with `*` unencoded on the wire (signed as %2A, as @alicloud/pop-core sends it): accepted',
    serve: async (call) => {
      if (!v3(call) || call.method !== 'GET' || call.rawQuery === '') return call.forward();
      const asSent = call.rawQuery
        .split('&')
        .filter((p) => p !== '')
        .map((p) => [p.split('=')[0]!, p.slice(p.split('=')[0]!.length + 1)] as const)
        .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
        .map(([k, v]) => `${k}=${v}`)
        .join('&');
      const decoded = call.pairs.slice(0, call.rawQuery.split('&').filter((p) => p !== '').length);
      return asSent === canonicalQuery(decoded) ? call.forward() : refuse(call);
    },
  },
  {
    name: 'v1-string-to-sign-always-get',
    category: 'authentication',
    bug: 'V1 builds the string to sign with GET whatever the method, so every V1 POST is refused',
    serve: async (call) => {
      if (!v1(call) || call.method === 'GET') return call.forward();
      return (await v1Verifies(call, { method: 'GET' })) ? accept(call) : refuse(call);
    },
  },
  {
    name: 'v1-canonical-unsorted',
    category: 'authentication',
    bug: 'V1 canonicalizes the parameters in the order they arrived instead of sorting them',
    serve: async (call) => {
      if (!v1(call)) return call.forward();
      const keys = call.pairs.filter(([k]) => k !== 'Signature').map(([k]) => k);
      const sorted = keys.every((k, i) => i === 0 || keys[i - 1]! <= k);
      return sorted ? call.forward() : refuse(call);
    },
  },
  {
    name: 'v1-unknown-key-as-mismatch',
    category: 'authentication',
    bug: 'V1 answers an unknown AccessKeyId with SignatureDoesNotMatch instead of InvalidAccessKeyId.NotFound',
    witness: 'a V1 request with AccessKeyId=NoSuchKey: InvalidAccessKeyId.NotFound, HTTP 404',
    serve: onError(['InvalidAccessKeyId.NotFound'], (call, answer) =>
      v1(call) ? asError(answer, 'SignatureDoesNotMatch', 400) : answer,
    ),
  },
  {
    name: 'v3-unknown-key-as-mismatch',
    category: 'authentication',
    bug: 'V3 answers an unknown AccessKeyId with SignatureDoesNotMatch instead of InvalidAccessKeyId.NotFound',
    serve: onError(['InvalidAccessKeyId.NotFound'], (call, answer) =>
      v3(call) ? asError(answer, 'SignatureDoesNotMatch', 400) : answer,
    ),
  },
  laxTime(
    'future-timestamps-unbounded',
    'the window is only checked backwards: a request dated any time ahead is accepted',
    'InvalidTimeStamp.Expired',
    (_call, time) => time > Date.now(),
    {
      witness:
        'a V3 request dated 16 minutes ahead of the server (clock offset +960 s): InvalidTimeStamp.Expired',
    },
  ),
  laxTime(
    'v1-expiry-unchecked',
    'V1 never checks the Timestamp window (V3 does)',
    'InvalidTimeStamp.Expired',
    v1,
    {
      witness:
        'a V1 request dated 16 minutes ago: InvalidTimeStamp.Expired (auth.timestamp.outside sends V3 only)',
    },
  ),
  laxTime(
    'v3-expiry-unchecked',
    'V3 never checks the x-acs-date window (V1 does)',
    'InvalidTimeStamp.Expired',
    v3,
    {},
  ),
  laxTime(
    'window-30-minutes',
    'the timestamp window is 30 minutes instead of the spec’s 15',
    'InvalidTimeStamp.Expired',
    (_call, time) => Math.abs(Date.now() - time) <= 2 * WINDOW_MS,
    {},
  ),
  {
    name: 'window-5-minutes',
    category: 'authentication',
    bug: 'the timestamp window is 5 minutes instead of the spec’s 15',
    serve: async (call) => {
      const answer = await call.forward();
      const time = Date.parse(requestTime(call) ?? '');
      if (answer.status !== 200 || !(Math.abs(Date.now() - time) > WINDOW_MS / 3)) return answer;
      return asError(await refuse(call), 'InvalidTimeStamp.Expired', 400);
    },
  },
  laxTime(
    'v3-date-any-iso-format',
    'V3 reads x-acs-date with Date.parse, so any date text it understands is accepted',
    'InvalidTimeStamp.Format',
    v3,
    {
      witness:
        'a V3 request signed with x-acs-date `2026-12-06T10:00:00.000+00:00` (now, but not yyyy-MM-ddTHH:mm:ssZ): InvalidTimeStamp.Format',
    },
  ),
  laxTime(
    'v1-timestamp-any-iso-format',
    'V1 reads Timestamp with Date.parse, so any date text it understands is accepted',
    'InvalidTimeStamp.Format',
    v1,
    {
      witness:
        'a V1 request signed with Timestamp `2026-12-06 10:00:00` or with milliseconds (auth.timestamp.malformed sends `yesterday`, which Date.parse refuses too): InvalidTimeStamp.Format',
    },
  ),
  {
    name: 'v1-nonce-unchecked',
    category: 'authentication',
    bug: 'V1 never records SignatureNonce, so a V1 request can be replayed (V3 nonces are checked)',
    witness: 'the same V1 request (same SignatureNonce) sent twice: the second is SignatureNonceUsed',
    serve: onError(['SignatureNonceUsed'], (call, answer) => (v1(call) ? accept(call) : answer)),
  },
  {
    name: 'v3-nonce-unchecked',
    category: 'authentication',
    bug: 'V3 never records x-acs-signature-nonce, so a V3 request can be replayed',
    serve: onError(['SignatureNonceUsed'], (call, answer) => (v3(call) ? accept(call) : answer)),
  },
  {
    name: 'parameters-before-signature',
    category: 'authentication',
    bug: 'parameters are validated before the signature, so a badly signed request learns which parameters are wrong',
    serve: onError(['SignatureDoesNotMatch'], async (call, answer) => {
      const validated = await call.resign();
      return validated.status === 400 ? validated : answer;
    }),
  },
  {
    name: 'v1-missing-signature-as-mismatch',
    category: 'authentication',
    bug: 'a V1 request without Signature is SignatureDoesNotMatch instead of MissingParameter',
    serve: onError(['MissingParameter'], (call, answer) =>
      v1(call) && !call.pairs.some(([k]) => k === 'Signature')
        ? asError(answer, 'SignatureDoesNotMatch', 400)
        : answer,
    ),
  },
  {
    name: 'v1-nonce-optional',
    category: 'authentication',
    bug: 'V1 does not require SignatureNonce (and so cannot refuse the replay of a request without one)',
    serve: onError(['MissingParameter'], (call, answer) =>
      v1(call) && !call.pairs.some(([k]) => k === 'SignatureNonce') ? acceptIfSigned(call) : answer,
    ),
  },
  {
    name: 'v3-date-optional',
    category: 'authentication',
    bug: 'V3 takes a missing x-acs-date as now instead of MissingParameter (the signature then fails over the absent header)',
    serve: onError(['MissingParameter'], async (call, answer): Promise<Answer> => {
      if (!v3(call) || call.headers['x-acs-date'] !== undefined) return answer;
      if (v3Authorization(call)?.signedHeaders.includes('x-acs-date'))
        return asError(answer, 'IncompleteSignature', 400);
      return acceptIfSigned(call);
    }),
  },
];
