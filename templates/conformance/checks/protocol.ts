// Protocol checks: routing by action, versions, methods, formats, special characters.
import { baseParams, expectError, expectSuccess, fail, wire } from '../assert.js';
import { send } from '../http.js';
import type { ActionFacts, Check } from '../types.js';

const SPECIAL = [' ', '*', '~', '+', '/', '!', "'", '(', ')', '中文'];

export function protocolChecks(action: ActionFacts): Check[] {
  const id = (name: string) => `protocol.${action.descriptor.name}.${name}`;
  // A free-text parameter: one whose unknown values do not have their own NotFound error.
  const stringParam = action.params.find(
    (p) =>
      !p.required &&
      p.style === 'scalar' &&
      p.schema.type === 'string' &&
      !action.errors.includes(`Invalid${p.name}.NotFound`),
  );
  const checks: Check[] = [
    {
      id: id('routing'),
      title: 'a minimal request is routed to the action',
      run: async (ctx) =>
        void expectSuccess(action, await send(ctx, { params: wire(action, baseParams(ctx, action)) })),
    },
    {
      id: 'protocol.unknown-action',
      title: 'an unknown Action is InvalidAction.NotFound',
      run: async (ctx) =>
        expectError(
          ctx,
          await send(ctx, { action: 'NoSuchActionAnywhere', params: [] }),
          'InvalidAction.NotFound',
        ),
    },
    {
      id: 'protocol.unknown-version',
      title: 'an unknown Version is InvalidVersion',
      run: async (ctx) =>
        expectError(
          ctx,
          await send(ctx, { version: '1999-01-01', params: wire(action, baseParams(ctx, action)) }),
          'InvalidVersion',
        ),
    },
    {
      id: 'protocol.missing-version',
      title: 'a V1 request without Version is MissingParameter',
      run: async (ctx) => {
        const exchange = await send(ctx, {
          signature: 'v1',
          params: wire(action, baseParams(ctx, action)),
          mutate: (r) => ({ ...r, url: r.url.replace(/([?&])Version=[^&]*&?/, '$1') }),
        });
        expectError(ctx, exchange, 'MissingParameter', /Version/);
      },
    },
    {
      id: 'protocol.other-method',
      title: 'PUT is UnsupportedHTTPMethod',
      run: async (ctx) =>
        expectError(
          ctx,
          await send(ctx, { params: [], mutate: (r) => ({ ...r, method: 'PUT' as 'GET' }) }),
          'UnsupportedHTTPMethod',
        ),
    },
    ...(['GET', 'POST'] as const).flatMap((method) =>
      (['v3', 'v1'] as const).map(
        (signature): Check => ({
          id: id(`${method.toLowerCase()}-${signature}`),
          title: `${method} signed ${signature} gives the same page`,
          auth: true,
          run: async (ctx) => {
            const params = wire(action, baseParams(ctx, action));
            const a = expectSuccess(action, await send(ctx, { params }));
            const b = expectSuccess(action, await send(ctx, { params, method, signature }));
            if (JSON.stringify({ ...a, RequestId: '' }) !== JSON.stringify({ ...b, RequestId: '' })) {
              fail(`${method}/${signature} answered differently from GET/v3`);
            }
          },
        }),
      ),
    ),
    ...(['JSON', 'XML'] as const).map(
      (format): Check => ({
        id: id(`format-${format.toLowerCase()}`),
        title: `Format=${format} answers in ${format}`,
        run: async (ctx) => {
          const exchange = await send(ctx, {
            signature: 'v1',
            format,
            params: wire(action, baseParams(ctx, action)),
          });
          const type = exchange.headers.get('content-type') ?? '';
          if (!type.toLowerCase().includes(format.toLowerCase()))
            fail(`expected a ${format} content type, got ${type}`, exchange);
          expectSuccess(action, exchange);
        },
      }),
    ),
    {
      id: id('format-lowercase'),
      title: 'Format=xml (lower case) answers in XML',
      run: async (ctx) => {
        // Signed as sent: the runtime writes the Format value it is given.
        const exchange = await send(ctx, {
          signature: 'v1',
          format: 'xml' as 'XML',
          params: wire(action, baseParams(ctx, action)),
        });
        if (!(exchange.headers.get('content-type') ?? '').includes('xml'))
          fail('Format=xml was not answered in XML', exchange);
        expectSuccess(action, exchange);
      },
    },
    {
      id: id('format-absent'),
      title: 'without Format or an XML Accept header, the answer is JSON',
      run: async (ctx) => {
        const exchange = await send(ctx, {
          params: wire(action, baseParams(ctx, action)),
          mutate: (r) => ({ ...r, headers: { ...r.headers, accept: '*/*' } }),
        });
        if (!(exchange.headers.get('content-type') ?? '').includes('json'))
          fail('the default format is not JSON', exchange);
        expectSuccess(action, exchange);
      },
    },
  ];
  if (stringParam !== undefined) {
    checks.push({
      id: id('special-characters'),
      title: `signed values with ${SPECIAL.join(' ')} are accepted (${stringParam.name})`,
      auth: true,
      run: async (ctx) => {
        for (const signature of ['v3', 'v1'] as const) {
          const params = wire(action, {
            ...baseParams(ctx, action),
            [stringParam.name]: `x${SPECIAL.join('')}y`,
          });
          expectSuccess(action, await send(ctx, { params, signature }));
        }
      },
    });
  }
  return checks;
}
