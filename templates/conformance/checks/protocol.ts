// Protocol checks: routing by action, versions, methods, formats, special characters. Per action,
// each asks the action's own probe (state.ts): a read must succeed, a transition must answer its
// NotFound for an unknown id; the service-wide ones ask the probe action.
import { baseParams, expectError, expectSuccess, fail, isFreeInput, wire } from '../assert.js';
import { type Exchange, send, UNKNOWN_ACTION } from '../http.js';
import { type Probe, probeFor } from '../state.js';
import {
  type ActionFacts,
  type Check,
  type CheckContext,
  CheckSkipped,
  type ConformanceFacts,
} from '../types.js';

const SPECIAL = [' ', '*', '~', '+', '/', '!', "'", '(', ')', '中文'];

export function protocolChecks(action: ActionFacts): Check[] {
  const name = action.descriptor.name;
  const id = (check: string) => `protocol.${name}.${check}`;
  const probe = probeFor(action);
  if (typeof probe === 'string')
    return [
      {
        id: id('routing'),
        title: 'a request is routed to the action',
        action: name,
        run: async () => {
          throw new CheckSkipped(probe);
        },
      },
    ];
  const expected = probe.answer === 'success' ? 'the same page' : `the same ${probe.answer}`;
  const checks: Check[] = [
    {
      id: id('routing'),
      title: `a minimal request is routed to the action (${probe.answer})`,
      action: name,
      run: async (ctx) =>
        void probe.expect(ctx, await send(ctx, { action: name, params: probe.params(ctx) })),
    },
    ...(['GET', 'POST'] as const).flatMap((method) =>
      (['v3', 'v1'] as const).map(
        (signature): Check => ({
          id: id(`${method.toLowerCase()}-${signature}`),
          title: `${method} signed ${signature} gives ${expected}`,
          action: name,
          auth: true,
          run: async (ctx) => {
            const params = probe.params(ctx);
            const first = await send(ctx, { action: name, params });
            const second = await send(ctx, { action: name, params, method, signature });
            const a = probe.expect(ctx, first);
            const b = probe.expect(ctx, second);
            if (JSON.stringify(a) !== JSON.stringify(b))
              fail(`${method}/${signature} answered differently from GET/v3`, second);
          },
        }),
      ),
    ),
    ...formatChecks(action, probe),
  ];
  const special = specialCharacters(action);
  if (special !== undefined && probe.answer === 'success') checks.push(special);
  return checks;
}

/** Checks of the whole service, sent as the probe action (one that only reads). */
export function serviceProtocolChecks(action: ActionFacts): Check[] {
  const name = action.descriptor.name;
  const minimal = (ctx: Parameters<typeof baseParams>[0]) => wire(action, baseParams(ctx, action));
  return [
    {
      id: 'protocol.unknown-action',
      title: 'an unknown Action is InvalidAction.NotFound',
      action: UNKNOWN_ACTION,
      run: async (ctx) =>
        expectError(ctx, await send(ctx, { action: UNKNOWN_ACTION, params: [] }), 'InvalidAction.NotFound'),
    },
    {
      id: 'protocol.unknown-version',
      title: 'an unknown Version is InvalidVersion',
      action: name,
      run: async (ctx) =>
        expectError(
          ctx,
          await send(ctx, { action: name, version: '1999-01-01', params: minimal(ctx) }),
          'InvalidVersion',
        ),
    },
    {
      id: 'protocol.missing-version',
      title: 'a V1 request without Version is MissingParameter',
      action: name,
      run: async (ctx) => {
        const exchange = await send(ctx, {
          action: name,
          signature: 'v1',
          params: minimal(ctx),
          mutate: (r) => ({ ...r, url: r.url.replace(/([?&])Version=[^&]*&?/, '$1') }),
        });
        expectError(ctx, exchange, 'MissingParameter', /Version/);
      },
    },
    {
      id: 'protocol.other-method',
      title: 'PUT is UnsupportedHTTPMethod',
      action: name,
      run: async (ctx) =>
        expectError(
          ctx,
          await send(ctx, { action: name, params: [], mutate: (r) => ({ ...r, method: 'PUT' as 'GET' }) }),
          'UnsupportedHTTPMethod',
        ),
    },
  ];
}

function formatChecks(action: ActionFacts, probe: Probe): Check[] {
  const name = action.descriptor.name;
  const id = (check: string) => `protocol.${name}.${check}`;
  const root = probe.answer === 'success' ? action.descriptor.xmlRoot : ERROR_ROOT;
  const answered = (format: string, expected: 'JSON' | 'XML'): Check['run'] => {
    return async (ctx) => {
      // Signed as sent: the runtime writes the Format value it is given.
      const exchange = await send(ctx, {
        action: name,
        signature: 'v1',
        format: format as 'XML',
        params: probe.params(ctx),
      });
      expectFormat(action, exchange, expected, root);
      probe.expect(ctx, exchange);
    };
  };
  return [
    ...(['JSON', 'XML'] as const).map(
      (format): Check => ({
        id: id(`format-${format.toLowerCase()}`),
        title: `Format=${format} answers in ${format}${format === 'XML' ? ` under <${root}>` : ''}, with the spec's media type`,
        action: name,
        run: answered(format, format),
      }),
    ),
    {
      id: id('format-lowercase'),
      title: 'Format=xml (lower case) answers in XML',
      action: name,
      run: async (ctx) => {
        if (ctx.facts.service.protocol?.caseInsensitive === false)
          throw new CheckSkipped("the spec matches the format's value in its case");
        return answered('xml', 'XML')(ctx);
      },
    },
    {
      id: id('format-absent'),
      title: 'without Format or an XML Accept header, the answer is in the default format',
      action: name,
      run: async (ctx) => {
        const exchange = await send(ctx, {
          action: name,
          params: probe.params(ctx),
          mutate: (r) => ({ ...r, headers: { ...r.headers, accept: '*/*' } }),
        });
        expectFormat(action, exchange, defaultFormat(ctx.facts), root);
        probe.expect(ctx, exchange);
      },
    },
  ];
}

/** The error envelope's XML root (spec/README.md: error responses). */
const ERROR_ROOT = 'Error';

function defaultFormat(facts: ConformanceFacts): 'JSON' | 'XML' {
  return facts.service.protocol?.defaultFormat ?? 'JSON';
}

/** Every way the spec's `responseFormat` lets a caller choose, each for a success and an error. */
interface Negotiation {
  readonly label: string;
  /** The Format parameter's value (signed, V1), or none (V3, which has no Format of its own). */
  readonly format?: string;
  readonly accept?: string;
  readonly expected: 'JSON' | 'XML';
}

/** Service-wide: each negotiation path of the spec's `responseFormat`, for a success and an error. */
export function negotiationChecks(action: ActionFacts, facts: ConformanceFacts): Check[] {
  const name = action.descriptor.name;
  const protocol = facts.service.protocol;
  const parameter = protocol?.formatParameter ?? 'Format';
  const byDefault = defaultFormat(facts);
  const paths: Negotiation[] = [
    { label: 'parameter-json', format: 'JSON', expected: 'JSON' },
    { label: 'parameter-xml', format: 'XML', expected: 'XML' },
    ...(protocol?.caseInsensitive === false
      ? []
      : [{ label: 'parameter-mixed-case', format: 'Xml', expected: 'XML' } satisfies Negotiation]),
    { label: 'no-preference', accept: '*/*', expected: byDefault },
    ...(protocol?.acceptHeader === true
      ? ([
          { label: 'accept-application-xml', accept: 'application/xml', expected: 'XML' },
          { label: 'accept-text-xml', accept: 'text/xml', expected: 'XML' },
          { label: 'accept-application-json', accept: 'application/json', expected: 'JSON' },
          {
            label: 'parameter-over-accept-json',
            format: 'JSON',
            accept: 'application/xml',
            expected: 'JSON',
          },
          {
            label: 'parameter-over-accept-xml',
            format: 'XML',
            accept: 'application/json',
            expected: 'XML',
          },
        ] satisfies Negotiation[])
      : [{ label: 'accept-ignored', accept: 'application/xml', expected: byDefault }]),
  ];
  const minimal = (ctx: CheckContext) => wire(action, baseParams(ctx, action));
  return paths.flatMap((path) =>
    (['success', 'error'] as const).map(
      (outcome): Check => ({
        id: `protocol.negotiation.${path.label}.${outcome}`,
        title: `${[path.format === undefined ? '' : `${parameter}=${path.format}`, path.accept === undefined ? '' : `Accept: ${path.accept}`].filter(Boolean).join(' with ')}: ${outcome === 'success' ? 'a success' : 'an error'} in the format it selects`,
        action: name,
        run: async (ctx) => {
          // The error: the same request with an unknown Version, which every action can answer.
          const exchange = await send(ctx, {
            action: name,
            params: minimal(ctx),
            ...(outcome === 'error' ? { version: '1999-01-01' } : {}),
            ...(path.format === undefined ? {} : { signature: 'v1' as const, format: path.format as 'XML' }),
            ...(path.accept === undefined
              ? {}
              : { mutate: (r) => ({ ...r, headers: { ...r.headers, accept: path.accept! } }) }),
          });
          expectFormat(
            action,
            exchange,
            path.expected,
            outcome === 'success' ? action.descriptor.xmlRoot : ERROR_ROOT,
          );
          if (outcome === 'success') expectSuccess(action, exchange);
          else expectError(ctx, exchange, 'InvalidVersion');
        },
      }),
    ),
  );
}

/** The answer is in `format`: a content type the spec gives the action for it, and XML under `root`. */
function expectFormat(action: ActionFacts, exchange: Exchange, format: 'JSON' | 'XML', root: string): void {
  const type = (exchange.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const kind = format.toLowerCase();
  const allowed = action.response.mediaTypes.filter((m) => m.endsWith(kind));
  const media = allowed.length > 0 ? allowed : [`application/${kind}`];
  if (!media.includes(type))
    fail(
      `asked for ${format}, the answer's content type is ${JSON.stringify(type)}; the spec gives ${media.join(' or ')}`,
      exchange,
    );
  if (format === 'XML') {
    const element = /^\s*(?:<\?xml[^>]*\?>\s*)?<([A-Za-z_][\w.-]*)/.exec(exchange.text)?.[1];
    if (element !== root) fail(`the XML root element is <${element}>, the spec names <${root}>`, exchange);
  } else if (!exchange.text.trimStart().startsWith('{'))
    fail('the JSON answer is not a JSON object', exchange);
}

/** A free-text parameter (one whose unknown values have no NotFound error of their own) with odd characters. */
function specialCharacters(action: ActionFacts): Check | undefined {
  const name = action.descriptor.name;
  const param = action.params.find(
    (p) =>
      !p.required &&
      p.style === 'scalar' &&
      p.schema.type === 'string' &&
      p.schema.enum === undefined &&
      p.schema.pattern === undefined &&
      Number(p.schema.maxLength ?? Number.POSITIVE_INFINITY) >= 16 &&
      isFreeInput(action, p) &&
      !action.errors.includes(`Invalid${p.name}.NotFound`),
  );
  if (param === undefined) return undefined;
  return {
    id: `protocol.${name}.special-characters`,
    title: `signed values with ${SPECIAL.join(' ')} are accepted (${param.name})`,
    action: name,
    auth: true,
    run: async (ctx) => {
      for (const signature of ['v3', 'v1'] as const) {
        const params = wire(action, { ...baseParams(ctx, action), [param.name]: `x${SPECIAL.join('')}y` });
        expectSuccess(action, await send(ctx, { action: name, params, signature }));
      }
    },
  };
}
