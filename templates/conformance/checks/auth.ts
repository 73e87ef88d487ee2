// Authentication checks, derived from the binding's signing rules (server/README.md "The order of
// checks") on both sides of every edge rather than sampled: for V1 and V3, GET and POST, every
// signed element changed after signing is refused and what a server must canonicalise (order,
// escapes, reserved characters) is accepted; the SignedHeaders list itself; time on both sides of
// both ends of the window, and malformed several ways; nonce replay for both versions; and which
// error wins when several apply. Requests are bent at the level of decoded values (tamper.ts), so
// every check is deterministic whatever the signature happens to look like.

import { sha256Hex } from '../../runtime/crypto.js';
import { percentEncode } from '../../runtime/encode.js';
import { timestamp } from '../../runtime/sign-request.js';
import { baseParams, escapeRegExp, expectError, expectOneOf, expectSuccess, wire } from '../assert.js';
import { type SendOptions, send } from '../http.js';
import { changesState } from '../state.js';
import {
  changeValue,
  editParams,
  type Pairs,
  reencode,
  resignV1,
  resignV3,
  withAuthorizationPart,
} from '../tamper.js';
import { type ActionFacts, type Check, type CheckContext, CheckSkipped } from '../types.js';

const MINUTE = 60_000;
const SDNM = 'SignatureDoesNotMatch';
const INCOMPLETE = 'IncompleteSignature';
/** A parameter no action declares: signed, and ignored by the server (server/README.md). */
const EXTRA = 'ZzConformanceExtra';
const RESERVED = ` *~+/!'()%&=中文`;
const V3_REQUIRED = [
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
];
const V1_REQUIRED = ['AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp'];

type Options = Omit<SendOptions, 'action'>;
type Expect = 'accepted' | readonly string[];

interface Case {
  readonly id: string;
  readonly title: string;
  readonly expect: Expect;
  /** The parameter or header the error's message must name. */
  readonly names?: string;
  readonly options: (ctx: CheckContext) => Options;
  /** Other actions its requests name (routed elsewhere by a tampered header). */
  readonly uses?: readonly string[];
  /** Some checks send twice (replay); the first exchange must be as this says. */
  readonly before?: { readonly expect: Expect; readonly options: (ctx: CheckContext) => Options };
}

export function authChecks(
  action: ActionFacts,
  windowSeconds: number,
  actions: readonly ActionFacts[] = [action],
): Check[] {
  const name = action.descriptor.name;
  const params = (ctx: CheckContext) => wire(action, baseParams(ctx, action));
  const keys = (ctx: CheckContext) => ({
    accessKeyId: ctx.target.accessKeyId,
    accessKeySecret: ctx.target.accessKeySecret,
  });
  /** The first API parameter of the minimal request, for checks that change or drop one. */
  const apiParam = (ctx: CheckContext) => {
    const first = params(ctx)[0];
    if (first === undefined) throw new CheckSkipped(`${name}'s minimal request has no parameter to change`);
    return first[0];
  };
  const windowMs = windowSeconds * 1000;
  const cases: Case[] = [];
  const add = (c: Case) => cases.push(c);

  for (const signature of ['v3', 'v1'] as const) {
    for (const method of ['GET', 'POST'] as const) {
      const at = `${signature}.${method.toLowerCase()}`;
      const on = { signature, method };
      add({
        id: `${at}.valid`,
        title: `a valid ${method} request is accepted`,
        expect: 'accepted',
        options: (ctx) => ({ ...on, params: params(ctx) }),
      });
      add({
        id: `${at}.param-changed`,
        title: 'a parameter changed after signing is SignatureDoesNotMatch',
        expect: [SDNM],
        options: (ctx) => {
          const p = apiParam(ctx);
          return {
            ...on,
            params: params(ctx),
            mutate: (r) => editParams(r, (pairs) => changeValue(pairs, p)),
          };
        },
      });
      add({
        id: `${at}.param-added`,
        title: 'a parameter added after signing is SignatureDoesNotMatch',
        expect: [SDNM],
        options: (ctx) => ({
          ...on,
          params: params(ctx),
          mutate: (r) => editParams(r, (pairs) => [...pairs, [EXTRA, '1']]),
        }),
      });
      add({
        id: `${at}.param-removed`,
        title: 'a parameter removed after signing is SignatureDoesNotMatch (judged before the parameters)',
        expect: [SDNM],
        options: (ctx) => {
          const p = apiParam(ctx);
          return {
            ...on,
            params: params(ctx),
            mutate: (r) => editParams(r, (pairs) => pairs.filter(([k]) => k !== p)),
          };
        },
      });
      // A V3 body is signed as bytes (its hash): only a query is the server's to canonicalise.
      if (signature === 'v1' || method === 'GET') {
        add({
          id: `${at}.unsorted`,
          title: 'parameters sent in reverse order are accepted (the server sorts them to verify)',
          expect: 'accepted',
          options: (ctx) => ({
            ...on,
            params: [...params(ctx), [`${EXTRA}A`, '1'], [`${EXTRA}B`, '2']],
            mutate: (r) => editParams(r, (pairs) => [...pairs].reverse()),
          }),
        });
        add({
          id: `${at}.lowercase-escapes`,
          title: 'percent-escapes in lower case are accepted (the server verifies decoded values)',
          expect: 'accepted',
          options: (ctx) => ({
            ...on,
            params: [...params(ctx), [EXTRA, 'a/b c:d']],
            mutate: (r) =>
              reencode(r, (s) => percentEncode(s).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())),
          }),
        });
      }
      if (method === 'GET')
        add({
          id: `${at}.reserved-sent-raw`,
          title: "* ! ' ( ) sent raw but signed encoded (as the official SDKs send them) are accepted",
          expect: 'accepted',
          options: (ctx) => ({
            ...on,
            params: [...params(ctx), [EXTRA, "a*!'()b"]],
            mutate: (r) => reencode(r, encodeURIComponent),
          }),
        });
      add({
        id: `${at}.reserved-characters`,
        title: `a value with ${RESERVED} signed per RFC 3986 is accepted`,
        expect: 'accepted',
        options: (ctx) => ({ ...on, params: [...params(ctx), [EXTRA, RESERVED]] }),
      });
    }
    const on = { signature };
    add({
      id: `${signature}.method-changed`,
      title: 'a request signed as GET and sent as POST is SignatureDoesNotMatch',
      expect: [SDNM],
      options: (ctx) => ({ ...on, params: params(ctx), mutate: (r) => ({ ...r, method: 'POST' }) }),
    });
    add({
      id: `${signature}.wrong-secret`,
      title: 'the wrong secret is SignatureDoesNotMatch',
      expect: [SDNM],
      options: (ctx) => ({ ...on, params: params(ctx), secret: 'not-the-secret' }),
    });
    add({
      id: `${signature}.unknown-key`,
      title: 'an unknown AccessKeyId is InvalidAccessKeyId.NotFound',
      expect: ['InvalidAccessKeyId.NotFound'],
      options: (ctx) => ({ ...on, params: params(ctx), accessKeyId: 'ConformanceNoSuchKey0000' }),
    });
    for (const [when, sign] of [
      ['past', -1],
      ['future', 1],
    ] as const) {
      add({
        id: `${signature}.timestamp.${when}-inside`,
        title: `a timestamp a minute inside the window's ${when} end is accepted`,
        expect: 'accepted',
        options: (ctx) => ({ ...on, params: params(ctx), clockOffsetMs: sign * (windowMs - MINUTE) }),
      });
      add({
        id: `${signature}.timestamp.${when}-outside`,
        title: `a timestamp a minute beyond the window's ${when} end is InvalidTimeStamp.Expired`,
        expect: ['InvalidTimeStamp.Expired'],
        options: (ctx) => ({ ...on, params: params(ctx), clockOffsetMs: sign * (windowMs + MINUTE) }),
      });
    }
    for (const [form, text] of MALFORMED) {
      add({
        id: `${signature}.timestamp.${form}`,
        title: `a timestamp ${form.replaceAll('-', ' ')}, validly signed, is InvalidTimeStamp.Format`,
        expect: ['InvalidTimeStamp.Format'],
        options: (ctx) => ({
          ...on,
          params: params(ctx),
          mutate: (r) =>
            signature === 'v1'
              ? resignV1(r, keys(ctx), (pairs) => set(pairs, 'Timestamp', text(new Date())))
              : resignV3(r, keys(ctx), { headers: (h) => ({ ...h, 'x-acs-date': text(new Date()) }) }),
        }),
      });
    }
    add({
      id: `${signature}.nonce-replay`,
      title: 'a nonce used twice is SignatureNonceUsed',
      expect: ['SignatureNonceUsed'],
      before: {
        expect: 'accepted',
        options: (ctx) => ({ ...on, params: params(ctx), nonce: nonceOf(ctx, `${signature}-replay`) }),
      },
      options: (ctx) => ({ ...on, params: params(ctx), nonce: nonceOf(ctx, `${signature}-replay`) }),
    });
    add({
      id: `${signature}.nonce-kept-by-refusal`,
      title: 'a refused request does not use up its nonce (a forgery cannot burn one)',
      expect: 'accepted',
      before: {
        expect: [SDNM],
        options: (ctx) => ({
          ...on,
          params: params(ctx),
          secret: 'not-the-secret',
          nonce: nonceOf(ctx, `${signature}-kept`),
        }),
      },
      options: (ctx) => ({ ...on, params: params(ctx), nonce: nonceOf(ctx, `${signature}-kept`) }),
    });
    add({
      id: `${signature}.order.timestamp-before-key`,
      title: 'an expired timestamp wins over an unknown key',
      expect: ['InvalidTimeStamp.Expired'],
      options: (ctx) => ({
        ...on,
        params: params(ctx),
        accessKeyId: 'ConformanceNoSuchKey0000',
        clockOffsetMs: -(windowMs + MINUTE),
      }),
    });
    add({
      id: `${signature}.order.signature-before-nonce`,
      title: 'a wrong signature wins over a used nonce',
      expect: [SDNM],
      before: {
        expect: 'accepted',
        options: (ctx) => ({ ...on, params: params(ctx), nonce: nonceOf(ctx, `${signature}-order`) }),
      },
      options: (ctx) => ({
        ...on,
        params: params(ctx),
        secret: 'not-the-secret',
        nonce: nonceOf(ctx, `${signature}-order`),
      }),
    });
    add({
      id: `${signature}.order.signature-before-parameters`,
      title: 'a wrong signature wins over a missing parameter',
      expect: [SDNM],
      options: () => ({ ...on, params: [], secret: 'not-the-secret' }),
    });
    add({
      id: `${signature}.order.version-before-signature`,
      title: 'an unknown Version wins over a wrong signature (routing comes first)',
      expect: ['InvalidVersion'],
      options: (ctx) => ({ ...on, params: params(ctx), version: '1999-01-01', secret: 'not-the-secret' }),
    });
  }

  // V1: the signature, the common parameters it covers, and the signing elements themselves.
  add({
    id: 'v1.signature-changed',
    title: 'a changed V1 signature is SignatureDoesNotMatch',
    expect: [SDNM],
    options: (ctx) => ({
      signature: 'v1',
      params: params(ctx),
      mutate: (r) => editParams(r, (p) => changeValue(p, 'Signature')),
    }),
  });
  for (const [common, change] of [
    ['Format', (v: string) => (v === 'JSON' ? 'XML' : 'JSON')],
    ['SignatureNonce', (v: string) => `${v}x`],
    ['Timestamp', (v: string) => laterBySecond(v)],
  ] as const) {
    add({
      id: `v1.common-changed.${common}`,
      title: `${common} changed after signing is SignatureDoesNotMatch`,
      expect: [SDNM],
      options: (ctx) => {
        // The format goes under the spec's own name for it.
        const name = common === 'Format' ? (ctx.facts.service.protocol?.formatParameter ?? common) : common;
        return {
          signature: 'v1',
          params: params(ctx),
          mutate: (r) => editParams(r, (p) => set(p, name, change(get(p, name)))),
        };
      },
    });
  }
  for (const missing of [...V1_REQUIRED, 'Signature']) {
    add({
      id: `v1.missing.${missing}`,
      title: `a V1 request without ${missing} is MissingParameter naming it`,
      expect: ['MissingParameter'],
      names: missing,
      options: (ctx) => ({
        signature: 'v1',
        params: params(ctx),
        mutate: (r) =>
          missing === 'Signature'
            ? editParams(r, (p) => p.filter(([k]) => k !== missing))
            : resignV1(r, keys(ctx), (p) => p.filter(([k]) => k !== missing)),
      }),
    });
  }
  for (const [common, value] of [
    ['SignatureMethod', 'HMAC-SHA256'],
    ['SignatureVersion', '2.0'],
  ] as const) {
    add({
      id: `v1.unsupported.${common}`,
      title: `${common}=${value}, validly signed, is IncompleteSignature`,
      expect: [INCOMPLETE],
      options: (ctx) => ({
        signature: 'v1',
        params: params(ctx),
        mutate: (r) => resignV1(r, keys(ctx), (p) => set(p, common, value)),
      }),
    });
  }

  // V3: the signature, each signed header, the host, the body, and the SignedHeaders list.
  add({
    id: 'v3.signature-changed',
    title: 'a changed V3 signature is SignatureDoesNotMatch',
    expect: [SDNM],
    options: (ctx) => ({
      params: params(ctx),
      mutate: (r) => withAuthorizationPart(r, 'Signature', (s) => `${s[0] === '0' ? '1' : '0'}${s.slice(1)}`),
    }),
  });
  add({
    id: 'v3.signature-upper-case',
    title: 'the V3 signature in upper-case hex is refused',
    expect: [INCOMPLETE, SDNM],
    options: (ctx) => ({
      params: params(ctx),
      mutate: (r) => withAuthorizationPart(r, 'Signature', (s) => s.toUpperCase()),
    }),
  });
  add({
    id: 'v3.algorithm-unknown',
    title: 'an Authorization naming another algorithm is IncompleteSignature',
    expect: [INCOMPLETE],
    options: (ctx) => ({
      params: params(ctx),
      mutate: (r) => ({
        ...r,
        headers: {
          ...r.headers,
          authorization: r.headers.authorization!.replace(/^ACS3-HMAC-SHA256/, 'ACS3-HMAC-SHA1'),
        },
      }),
    }),
  });
  // Another action that only reads, so a server that fails to refuse the request changes nothing.
  const other = actions.find((a) => a !== action && !changesState(a))?.descriptor.name;
  const otherAction = () => {
    if (other === undefined) throw new CheckSkipped('the service has no other read action to route to');
    return other;
  };
  const headerChanges: [string, (ctx: CheckContext, value: string) => string][] = [
    ['x-acs-action', () => otherAction()],
    ['x-acs-date', (_ctx, v) => laterBySecond(v)],
    ['x-acs-signature-nonce', (_ctx, v) => `${v}x`],
    ['x-acs-content-sha256', (_ctx, v) => `${v[0] === '0' ? '1' : '0'}${v.slice(1)}`],
  ];
  for (const [header, change] of headerChanges) {
    add({
      ...(header === 'x-acs-action' && other !== undefined ? { uses: [other] } : {}),
      id: `v3.header-changed.${header}`,
      title: `${header} changed after signing is SignatureDoesNotMatch`,
      expect: [SDNM],
      options: (ctx) => ({
        params: params(ctx),
        mutate: (r) => ({ ...r, headers: { ...r.headers, [header]: change(ctx, r.headers[header]!) } }),
      }),
    });
  }
  add({
    id: 'v3.header-changed.content-type',
    title: 'content-type changed after signing (POST) is SignatureDoesNotMatch',
    expect: [SDNM],
    options: (ctx) => ({
      method: 'POST',
      params: params(ctx),
      mutate: (r) => ({
        ...r,
        headers: { ...r.headers, 'content-type': `${r.headers['content-type']}; charset=UTF-8` },
      }),
    }),
  });
  add({
    id: 'v3.host-changed',
    title: 'a Host other than the one signed is SignatureDoesNotMatch',
    expect: [SDNM],
    options: (ctx) => ({ params: params(ctx), host: 'conformance-tampered.invalid' }),
  });
  add({
    id: 'v3.post.body-changed',
    title: 'a body changed after signing (its hash header kept) is SignatureDoesNotMatch',
    expect: [SDNM],
    options: (ctx) => ({
      method: 'POST',
      params: [...params(ctx), [EXTRA, 'signed']],
      mutate: (r) => editParams(r, (p) => changeValue(p, EXTRA)),
    }),
  });
  add({
    id: 'v3.post.body-changed-rehashed',
    title: 'a body changed after signing with x-acs-content-sha256 recomputed is SignatureDoesNotMatch',
    expect: [SDNM],
    options: (ctx) => ({
      method: 'POST',
      params: [...params(ctx), [EXTRA, 'signed']],
      mutate: async (r) => {
        const changed = editParams(r, (p) => changeValue(p, EXTRA));
        return {
          ...changed,
          headers: { ...changed.headers, 'x-acs-content-sha256': await sha256Hex(changed.body ?? '') },
        };
      },
    }),
  });
  add({
    id: 'v3.unsigned-header',
    title: 'an x-acs-* header left out of the signature is IncompleteSignature',
    expect: [INCOMPLETE],
    options: (ctx) => ({
      params: params(ctx),
      mutate: (r) => ({ ...r, headers: { ...r.headers, 'x-acs-unsigned': 'yes' } }),
    }),
  });
  add({
    id: 'v3.signed-headers.list-changed',
    title: 'SignedHeaders edited after signing (x-acs-date dropped from it) is refused',
    expect: [INCOMPLETE, SDNM],
    options: (ctx) => ({
      params: params(ctx),
      mutate: (r) =>
        withAuthorizationPart(r, 'SignedHeaders', (l) =>
          l
            .split(';')
            .filter((h) => h !== 'x-acs-date')
            .join(';'),
        ),
    }),
  });
  for (const [method, header] of [
    ...['host', ...V3_REQUIRED].map((h) => ['GET', h] as const),
    ['POST', 'content-type'] as const,
  ]) {
    add({
      id: `v3.signed-headers.without-${header}`,
      title: `a request validly signed without ${header} in SignedHeaders is IncompleteSignature`,
      expect: [INCOMPLETE],
      options: (ctx) => ({
        method,
        params: params(ctx),
        mutate: (r) => resignV3(r, keys(ctx), { unsigned: [header] }),
      }),
    });
  }
  add({
    id: 'v3.signed-headers.names-absent-header',
    title: 'SignedHeaders naming a header the request does not have (signed as empty) is IncompleteSignature',
    expect: [INCOMPLETE],
    options: (ctx) => ({
      params: params(ctx),
      mutate: (r) => resignV3(r, keys(ctx), { signedOnly: { 'x-acs-conformance-absent': '' } }),
    }),
  });
  for (const header of V3_REQUIRED) {
    add({
      id: `v3.missing.${header}`,
      title: `a V3 request without ${header} (signed without it) is MissingParameter naming it`,
      expect: ['MissingParameter'],
      names: header,
      options: (ctx) => ({
        params: params(ctx),
        mutate: (r) => resignV3(r, keys(ctx), { headers: (h) => ({ ...h, [header]: undefined }) }),
      }),
    });
  }
  add({
    id: 'order.method-first',
    title: 'an unsupported method wins over a wrong signature',
    expect: ['UnsupportedHTTPMethod'],
    options: (ctx) => ({
      params: params(ctx),
      secret: 'not-the-secret',
      mutate: (r) => ({ ...r, method: 'PUT' as 'GET' }),
    }),
  });

  return cases.map((c) => ({
    id: `auth.${c.id}`,
    action: name,
    ...(c.uses === undefined ? {} : { uses: c.uses }),
    title: c.title,
    auth: true,
    run: async (ctx) => {
      if (c.before !== undefined)
        judge(ctx, action, c.before.expect, await send(ctx, { action: name, ...c.before.options(ctx) }));
      const exchange = await send(ctx, { action: name, ...c.options(ctx) });
      if (c.names === undefined) judge(ctx, action, c.expect, exchange);
      else
        expectError(
          ctx,
          exchange,
          c.expect[0]!,
          new RegExp(`"${escapeRegExp(c.names)}"|\\b${escapeRegExp(c.names)}\\b`),
        );
    },
  }));
}

function judge(
  ctx: CheckContext,
  action: ActionFacts,
  expect: Expect,
  exchange: Awaited<ReturnType<typeof send>>,
): void {
  if (expect === 'accepted') expectSuccess(action, exchange);
  else expectOneOf(ctx, exchange, expect);
}

/** Malformed timestamps, each a way a lenient parser would still read a time near now. */
const MALFORMED: readonly [string, (now: Date) => string][] = [
  ['without-zone', (now) => timestamp(now).slice(0, -1)],
  ['with-a-space', (now) => timestamp(now).replace('T', ' ')],
  ['with-milliseconds', (now) => now.toISOString()],
  ['in-epoch-seconds', (now) => String(Math.floor(now.getTime() / 1000))],
  ['of-an-impossible-date', (now) => `${now.getUTCFullYear()}-02-30${timestamp(now).slice(10)}`],
  ['in-words', () => 'yesterday'],
];

function laterBySecond(time: string): string {
  return timestamp(new Date(Date.parse(time) + 1000));
}

function nonceOf(ctx: CheckContext, use: string): string {
  // Unique per run and check, the same for the two sends of one check.
  return `conformance-${use}-${ctx.seed}-${ctx.runId}`;
}

function get(pairs: Pairs, name: string): string {
  return pairs.find(([k]) => k === name)?.[1] ?? '';
}

function set(pairs: Pairs, name: string, value: string): Pairs {
  return pairs.map(([k, v]) => [k, k === name ? value : v]);
}
