// Boundary and malformed-request checks, generated from the spec's constraints in the manner of
// Smithy's malformed-request tests: each with the exact status and Code and a message pattern.
import { baseParams, expectError, expectSuccess, isIdList, wire } from '../assert.js';
import { send } from '../http.js';
import { changesState } from '../state.js';
import { type ActionFacts, type Check, type CheckContext, CheckSkipped, type ParamFacts } from '../types.js';

const UNKNOWN = 'conformance-no-such-value';

interface Case {
  readonly label: string;
  /** A typed value (serialized by the param's style) or raw wire text. */
  readonly value: unknown;
  readonly valid: boolean;
}

/** Refusals suit every action (a refused request changes nothing); accepted values only a read. */
export function boundaryChecks(action: ActionFacts): Check[] {
  const checks: Check[] = [];
  const reads = !changesState(action);
  for (const param of action.params) {
    for (const c of casesFor(param).filter((x) => reads || !x.valid)) {
      checks.push({
        id: `boundary.${action.descriptor.name}.${param.name}.${c.label}`,
        action: action.descriptor.name,
        title: `${param.name} = ${c.label} is ${c.valid ? 'accepted' : 'InvalidParameter'}`,
        run: async (ctx) => {
          const exchange = await send(ctx, {
            action: action.descriptor.name,
            params: wire(action, { ...baseParams(ctx, action), [param.name]: c.value }),
          });
          if (c.valid) expectSuccess(action, exchange);
          else expectError(ctx, exchange, 'InvalidParameter', new RegExp(param.name));
        },
      });
    }
    if (param.required) checks.push(missing(action, param));
    const notFound = `Invalid${param.name}.NotFound`;
    if (action.errors.includes(notFound)) checks.push(unknownValue(action, param, notFound));
  }
  return checks;
}

function casesFor(param: ParamFacts): Case[] {
  const s = param.schema;
  const item = sampleItem(param);
  if (param.style === 'repeatList' && typeof s.maxItems === 'number' && item !== undefined) {
    const items = (n: number) => Array.from({ length: n }, (_, i) => item(i + 1));
    return [
      { label: `${s.maxItems}-items`, value: items(s.maxItems), valid: true },
      { label: `${s.maxItems + 1}-items`, value: items(s.maxItems + 1), valid: false },
    ];
  }
  if (s.type !== 'integer') return [];
  const cases: Case[] = [
    { label: 'abc', value: 'abc', valid: false },
    { label: '1.5', value: '1.5', valid: false },
    { label: 'empty', value: '', valid: false },
  ];
  if (typeof s.minimum === 'number') {
    cases.push(
      { label: `min-${s.minimum}`, value: s.minimum, valid: true },
      { label: `below-min-${s.minimum - 1}`, value: s.minimum - 1, valid: false },
    );
  }
  if (typeof s.maximum === 'number' && s.maximum < 1_000_000) {
    cases.push(
      { label: `max-${s.maximum}`, value: s.maximum, valid: true },
      { label: `above-max-${s.maximum + 1}`, value: s.maximum + 1, valid: false },
    );
  }
  if (typeof s.minimum === 'number' && s.minimum > 0)
    cases.push({ label: 'negative', value: -1, valid: false });
  return cases;
}

/** Item i of a list: a distinct text for lists of free strings, the listed values in turn for lists
 * of an enum, else the spec's first example item. */
function sampleItem(param: ParamFacts): ((i: number) => unknown) | undefined {
  const items = (param.schema.items ?? {}) as Readonly<Record<string, unknown>>;
  if (Array.isArray(items.enum) && items.enum.length > 0) {
    const values = items.enum;
    if (param.schema.uniqueItems === true && values.length <= Number(param.schema.maxItems)) return undefined;
    return (i) => values[(i - 1) % values.length];
  }
  if (isIdList(param) && items.pattern === undefined) return (i) => `conformance-${i}`;
  const first = Array.isArray(param.example) ? param.example[0] : undefined;
  return first === undefined ? undefined : () => first;
}

function missing(action: ActionFacts, param: ParamFacts): Check {
  return {
    id: `boundary.${action.descriptor.name}.${param.name}.missing`,
    action: action.descriptor.name,
    title: `without ${param.name}: MissingParameter naming it`,
    run: async (ctx: CheckContext) => {
      const { [param.name]: _omitted, ...rest } = baseParams(ctx, action);
      const template = ctx.facts.errorMessages.MissingParameter ?? '{Name}';
      const pattern = new RegExp(`^${escapeRegExp(template).replace('\\{Name\\}', param.name)}$`);
      expectError(
        ctx,
        await send(ctx, { action: action.descriptor.name, params: wire(action, rest) }),
        'MissingParameter',
        pattern,
      );
    },
  };
}

function unknownValue(action: ActionFacts, param: ParamFacts, code: string): Check {
  return {
    id: `boundary.${action.descriptor.name}.${param.name}.unknown`,
    action: action.descriptor.name,
    title: `an unknown ${param.name} is ${code}`,
    run: async (ctx) => {
      // Cut to the parameter's maximum length, so only its being unknown is wrong with it.
      const max = typeof param.schema.maxLength === 'number' ? param.schema.maxLength : UNKNOWN.length;
      const params = { ...baseParams(ctx, action), [param.name]: UNKNOWN.slice(0, Math.max(max, 1)) };
      // Validation comes before lookup: a value the schema refutes (an enum) is InvalidParameter.
      if (action.descriptor.validateRequest(params).some((i) => i.path.split(/[.[]/)[0] === param.name))
        throw new CheckSkipped(
          `${param.name} admits no value outside the spec's own, so none can be unknown`,
        );
      const message = ctx.facts.errorMessages[code];
      expectError(
        ctx,
        await send(ctx, { action: action.descriptor.name, params: wire(action, params) }),
        code,
        message === undefined ? undefined : new RegExp(`^${escapeRegExp(message)}$`),
      );
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
