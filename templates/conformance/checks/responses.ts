// Positive, consistency and JSON ≡ XML checks, and RequestId uniqueness.
import type { Shape } from '../../runtime/descriptors.js';
import { normalize } from '../../runtime/normalize.js';
import {
  answers,
  baseParams,
  expectError,
  expectSuccess,
  fail,
  idListFor,
  valueAt,
  wire,
} from '../assert.js';
import { send, UNKNOWN_ACTION } from '../http.js';
import { changesState } from '../state.js';
import type { ActionFacts, Check, CheckContext } from '../types.js';

const without = (value: Record<string, unknown>, key: string) =>
  JSON.stringify({ ...value, [key]: undefined });

/** Read checks: a state-changing action's answers are not repeatable, its transition checks cover it. */
export function responseChecks(action: ActionFacts): Check[] {
  if (changesState(action)) return [];
  const id = (name: string) => `response.${action.descriptor.name}.${name}`;
  const minimal = (ctx: CheckContext) => wire(action, baseParams(ctx, action));
  const p = action.descriptor.pagination;
  const checks: Check[] = [
    {
      id: id('defaults-echoed'),
      action: action.descriptor.name,
      title: 'a minimal request echoes the page defaults',
      run: async (ctx) => {
        if (p === undefined) return;
        const page = expectSuccess(
          action,
          await send(ctx, { action: action.descriptor.name, params: minimal(ctx) }),
        );
        if (p.style === 'token') {
          // A first page of at most the default size; a size the response names is the default.
          const list = valueAt(page, p.itemsPath);
          if (Array.isArray(list) && list.length > p.defaultPageSize)
            fail(`the first page has ${list.length} items, more than the default ${p.defaultPageSize}`);
          if (answers(action, p.pageSizeParam) && page[p.pageSizeParam] !== p.defaultPageSize)
            fail(`echoed ${p.pageSizeParam} ${page[p.pageSizeParam]}, want ${p.defaultPageSize}`);
          return;
        }
        const defaults = action.params.find((x) => x.name === p.pageNumberParam)?.schema.default ?? 1;
        const echoed = [
          [p.pageNumberParam, defaults],
          [p.pageSizeParam, p.defaultPageSize],
        ] as const;
        for (const [field, want] of echoed)
          if (answers(action, field) && page[field] !== want)
            fail(`echoed ${field} ${page[field]}, want ${want}`);
      },
    },
    {
      id: id('numbers-are-numbers'),
      action: action.descriptor.name,
      title: 'numbers are JSON numbers and booleans JSON booleans, at every depth, not strings',
      run: async (ctx) => {
        const exchange = await send(ctx, { action: action.descriptor.name, params: minimal(ctx) });
        expectSuccess(action, exchange);
        const wrong = mistyped(exchange.body, action.descriptor.responseShape, '');
        if (wrong !== undefined) fail(wrong, exchange);
      },
    },
    {
      id: id('identical-requests'),
      action: action.descriptor.name,
      title: 'identical requests give identical bodies apart from RequestId; concurrent ones agree',
      run: async (ctx) => {
        const bodies = await Promise.all(
          Array.from({ length: 8 }, () =>
            send(ctx, { action: action.descriptor.name, params: minimal(ctx) }).then((e) =>
              expectSuccess(action, e),
            ),
          ),
        );
        const first = without(bodies[0]!, 'RequestId');
        if (bodies.some((b) => without(b, 'RequestId') !== first))
          fail('identical requests were answered differently');
      },
    },
    {
      id: id('json-equals-xml'),
      action: action.descriptor.name,
      title: 'the JSON and XML answers carry the same data, success and error',
      run: async (ctx) => {
        const json = expectSuccess(
          action,
          await send(ctx, {
            action: action.descriptor.name,
            params: minimal(ctx),
            signature: 'v1',
            format: 'JSON',
          }),
        );
        const xml = expectSuccess(
          action,
          await send(ctx, {
            action: action.descriptor.name,
            params: minimal(ctx),
            signature: 'v1',
            format: 'XML',
          }),
        );
        const shape = action.descriptor.responseShape;
        if (
          without(carried(json, shape) as Record<string, unknown>, 'RequestId') !==
          without(carried(xml, shape) as Record<string, unknown>, 'RequestId')
        )
          fail('JSON and XML answers differ');
        const bad = { ...baseParams(ctx, action), zzConformance: 1 };
        const errors = await Promise.all(
          (['JSON', 'XML'] as const).map((format) =>
            send(ctx, { action: UNKNOWN_ACTION, params: wire(action, bad), format, signature: 'v1' }),
          ),
        );
        for (const e of errors) expectError(ctx, e, 'InvalidAction.NotFound');
        if (errors[0]!.body?.Message !== errors[1]!.body?.Message) fail('JSON and XML errors differ');
      },
    },
  ];
  if (p !== undefined) checks.push(listShapes(action, p.itemsPath));
  return checks;
}

/** The list is an array for 0, 1 and many items, in JSON (raw) and in XML (read by the shape). */
function listShapes(action: ActionFacts, itemsPath: readonly string[]): Check {
  const idParam = idListFor(action, itemsPath);
  return {
    id: `response.${action.descriptor.name}.list-is-array`,
    action: action.descriptor.name,
    title: 'the item list is an array for 0, 1 and many items',
    run: async (ctx) => {
      const page = expectSuccess(
        action,
        await send(ctx, { action: action.descriptor.name, params: wire(action, baseParams(ctx, action)) }),
      );
      const known = (valueAt(page, itemsPath) as Record<string, unknown>[]).map((item) =>
        String(item[idParam?.name ?? '']),
      );
      const sets =
        idParam === undefined ? [[]] : [['conformance-absent-id'], known.slice(0, 1), known.slice(0, 3)];
      for (const ids of sets) {
        for (const format of ['JSON', 'XML'] as const) {
          const params =
            idParam === undefined
              ? baseParams(ctx, action)
              : { ...baseParams(ctx, action), [idParam.name]: ids };
          const exchange = await send(ctx, {
            action: action.descriptor.name,
            params: wire(action, params),
            signature: 'v1',
            format,
          });
          const raw =
            format === 'JSON'
              ? exchange.body
              : (normalize(exchange.body, action.descriptor.responseShape) as Record<string, unknown>);
          const list = valueAt(raw, itemsPath);
          if (!Array.isArray(list))
            fail(`${format}: ${itemsPath.join('.')} is not an array for ${ids.length} item(s)`, exchange);
          if (idParam !== undefined && list.length !== ids.filter((x) => known.includes(x)).length)
            fail(`${format}: asked for ${ids.length} id(s), got ${list.length}`, exchange);
        }
      }
    },
  };
}

/** The value without its lists of lists: the binding gives them no XML form (an item element holds
 * text or fields, not a list), so JSON and XML can only be compared on the rest. */
function carried(value: unknown, shape: Shape): unknown {
  if (shape.kind === 'array' && Array.isArray(value)) return value.map((item) => carried(item, shape.items));
  if (shape.kind !== 'object' || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [name, field] of Object.entries(shape.properties)) {
    if (field.kind === 'array' && field.items.kind === 'array') delete out[name];
    else if (name in out) out[name] = carried(out[name], field);
  }
  return out;
}

/** The first field whose JSON type is not the shape's (a number or boolean sent as text), if any. The
 * JSON as sent, before the client's normalising: a client that reads it as is would see text. An
 * int64 may be either (JSON numbers lose its digits). */
function mistyped(value: unknown, shape: Shape, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const want =
    shape.kind === 'integer' || shape.kind === 'number'
      ? 'number'
      : shape.kind === 'boolean'
        ? 'boolean'
        : undefined;
  if (want !== undefined)
    return typeof value === want ? undefined : `${path} is ${JSON.stringify(value)}, not a JSON ${want}`;
  if (shape.kind === 'array' && Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = mistyped(item, shape.items, `${path}[${i}]`);
      if (found !== undefined) return found;
    }
  }
  if (shape.kind === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    for (const [name, field] of Object.entries(shape.properties)) {
      const found = mistyped(
        (value as Record<string, unknown>)[name],
        field,
        path === '' ? name : `${path}.${name}`,
      );
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** RequestId over many answers of the probe action (one that only reads). */
export function requestIdCheck(action: ActionFacts): Check {
  const minimal = (ctx: CheckContext) => wire(action, baseParams(ctx, action));
  return {
    id: 'response.request-id-unique',
    action: action.descriptor.name,
    title: 'RequestId is present and unique over 1,000 responses, errors among them',
    run: async (ctx) => {
      const ids = new Set<string>();
      for (let round = 0; round < 40; round++) {
        // Successes and errors alike (every fifth an unknown Version): an error has its own RequestId too.
        const batch = await Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            send(ctx, {
              action: action.descriptor.name,
              params: minimal(ctx),
              ...(i % 5 === 4 ? { version: '1999-01-01' } : {}),
            }),
          ),
        );
        for (const e of batch) {
          const requestId = e.body?.RequestId;
          if (typeof requestId !== 'string' || requestId === '') fail('a response has no RequestId', e);
          if (ids.has(requestId)) fail(`RequestId ${requestId} was used twice`, e);
          ids.add(requestId);
        }
      }
    },
  };
}
