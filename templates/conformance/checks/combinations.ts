// Every combination of the optional parameters (and so every pair of them), each with a value the
// spec or the run supplies: all must be accepted with a valid body.
import {
  baseParams,
  expectSuccess,
  fail,
  fromText,
  isFreeInput,
  isIdList,
  valueAt,
  wire,
} from '../assert.js';
import { send } from '../http.js';
import { changesState } from '../state.js';
import type { ActionFacts, Check, CheckContext, ParamFacts } from '../types.js';

const MAX_PARAMS = 6;

export function combinationChecks(action: ActionFacts): Check[] {
  const optional = action.params.filter((p) => !p.required && isFreeInput(action, p)).slice(0, MAX_PARAMS);
  // Each combination must succeed: repeatable only for an action that reads.
  if (optional.length < 2 || changesState(action)) return [];
  return [
    {
      id: `combination.${action.descriptor.name}.optional-parameters`,
      action: action.descriptor.name,
      title: `all ${2 ** optional.length} combinations of ${optional.map((p) => p.name).join(', ')} are accepted`,
      run: async (ctx) => {
        const values = await valuesFor(ctx, action, optional);
        for (let mask = 0; mask < 2 ** optional.length; mask++) {
          const params = { ...baseParams(ctx, action) };
          optional.forEach((p, i) => {
            if (mask & (1 << i)) params[p.name] = values.get(p.name);
          });
          const exchange = await send(ctx, { action: action.descriptor.name, params: wire(action, params) });
          if (exchange.status !== 200)
            fail(`the combination ${JSON.stringify(params)} was refused`, exchange);
          expectSuccess(action, exchange);
        }
      },
    },
  ];
}

/** `--value Name=…`, else the spec's example, else its default; lists of ids from a first page. */
async function valuesFor(
  ctx: CheckContext,
  action: ActionFacts,
  params: readonly ParamFacts[],
): Promise<Map<string, unknown>> {
  const values = new Map<string, unknown>();
  for (const p of params) {
    const given = ctx.target.values[p.name];
    if (isIdList(p))
      values.set(p.name, given === undefined ? await someIds(ctx, action, p) : given.split(','));
    else if (p.style !== 'scalar') values.set(p.name, p.example ?? p.schema.default);
    else values.set(p.name, given === undefined ? (p.example ?? p.schema.default) : fromText(p, given));
  }
  return values;
}

async function someIds(ctx: CheckContext, action: ActionFacts, p: ParamFacts): Promise<string[]> {
  const page = expectSuccess(
    action,
    await send(ctx, { action: action.descriptor.name, params: wire(action, baseParams(ctx, action)) }),
  );
  const items =
    action.descriptor.pagination === undefined ? [] : valueAt(page, action.descriptor.pagination.itemsPath);
  const ids = (Array.isArray(items) ? items : []).map((item) =>
    String((item as Record<string, unknown>)[p.name]),
  );
  return ids.slice(0, 2);
}
