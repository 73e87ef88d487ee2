// Protocol checks: routing by action, versions, methods, formats, special characters. Per action,
// each asks the action's own probe (state.ts): a read must succeed, a transition must answer its
// NotFound for an unknown id; the service-wide ones ask the probe action.
import { baseParams, expectError, expectSuccess, fail, isFreeInput, wire } from '../assert.js';
import { send, UNKNOWN_ACTION } from '../http.js';
import { type Probe, probeFor } from '../state.js';
import { type ActionFacts, type Check, CheckSkipped } from '../types.js';

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
  const answered = (format: string, expected: string): Check['run'] => {
    return async (ctx) => {
      // Signed as sent: the runtime writes the Format value it is given.
      const exchange = await send(ctx, {
        action: name,
        signature: 'v1',
        format: format as 'XML',
        params: probe.params(ctx),
      });
      const type = exchange.headers.get('content-type') ?? '';
      if (!type.toLowerCase().includes(expected))
        fail(`Format=${format} was answered with content type ${type}`, exchange);
      probe.expect(ctx, exchange);
    };
  };
  return [
    ...(['JSON', 'XML'] as const).map(
      (format): Check => ({
        id: id(`format-${format.toLowerCase()}`),
        title: `Format=${format} answers in ${format}`,
        action: name,
        run: answered(format, format.toLowerCase()),
      }),
    ),
    {
      id: id('format-lowercase'),
      title: 'Format=xml (lower case) answers in XML',
      action: name,
      run: answered('xml', 'xml'),
    },
    {
      id: id('format-absent'),
      title: 'without Format or an XML Accept header, the answer is JSON',
      action: name,
      run: async (ctx) => {
        const exchange = await send(ctx, {
          action: name,
          params: probe.params(ctx),
          mutate: (r) => ({ ...r, headers: { ...r.headers, accept: '*/*' } }),
        });
        if (!(exchange.headers.get('content-type') ?? '').includes('json'))
          fail('the default format is not JSON', exchange);
        probe.expect(ctx, exchange);
      },
    },
  ];
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
