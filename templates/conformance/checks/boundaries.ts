// Boundary and malformed-request checks, generated from the spec's constraints in the manner of
// Smithy's malformed-request tests: each with the exact status and Code and a message pattern.
import {
  baseParams,
  escapeRegExp,
  expectError,
  expectSuccess,
  isFreeInput,
  isIdList,
  names,
  refuses,
  wire,
} from '../assert.js';
import { send } from '../http.js';
import { changesState } from '../state.js';
import { type ActionFacts, type Check, type CheckContext, CheckSkipped, type ParamFacts } from '../types.js';

const UNKNOWN = 'conformance-no-such-value';

type Schema = Readonly<Record<string, unknown>>;

interface Case {
  readonly label: string;
  /** A typed value (serialized by the param's style) or raw wire text. */
  readonly value: unknown;
}

/** Refusals suit every action (a refused request changes nothing); accepted values only a read, and
 * only for a parameter whose values the suite may choose (not one that names something). Whether a
 * value is valid is the action's own request validator's verdict: the spec's constraints, applied
 * as the generated client applies them. */
export function boundaryChecks(action: ActionFacts): Check[] {
  const checks: Check[] = [];
  const reads = !changesState(action);
  for (const param of action.params) {
    const free = isFreeInput(action, param) && !names(action, param) && !shadowed(action, param);
    // A header carries visible ASCII only (fetch refuses anything else before sending).
    const header = action.descriptor.params.some((d) => d.name === param.name && d.in === 'header');
    for (const c of casesFor(param).filter((x) => !header || /^[\t\x20-\x7e]*$/.test(String(x.value)))) {
      const valid = !refuses(action, param.name, c.value);
      if (valid && !(reads && free)) continue;
      checks.push({
        id: `boundary.${action.descriptor.name}.${param.name}.${c.label}`,
        action: action.descriptor.name,
        title: `${param.name} = ${c.label} is ${valid ? 'accepted' : 'InvalidParameter'}`,
        run: async (ctx) => {
          const exchange = await send(ctx, {
            action: action.descriptor.name,
            params: wire(action, { ...baseParams(ctx, action), [param.name]: c.value }),
          });
          if (valid) expectSuccess(action, exchange);
          else expectError(ctx, exchange, 'InvalidParameter', new RegExp(escapeRegExp(param.name)));
        },
      });
    }
    if (param.required) checks.push(missing(action, param));
    const notFound = `Invalid${param.name}.NotFound`;
    if (action.errors.includes(notFound))
      checks.push(
        unknownValue(action, param, notFound, 'unknown', (p) =>
          UNKNOWN.slice(
            0,
            Math.max(typeof p.schema.maxLength === 'number' ? p.schema.maxLength : UNKNOWN.length, 1),
          ),
        ),
        // A known value is one value exactly: not in another case, not a prefix of it. Asked of a
        // read only: a server that wrongly accepts them must change nothing.
        ...(changesState(action)
          ? []
          : [
              unknownValue(action, param, notFound, 'known-in-another-case', (_p, known) => otherCase(known)),
              unknownValue(action, param, notFound, 'prefix-of-known', (_p, known) =>
                known !== undefined && known.length > 1 ? known.slice(0, -1) : undefined,
              ),
            ]),
      );
    if (param.style === 'repeatList') checks.push(listGap(action, param));
  }
  return checks;
}

/** A parameter whose wire name is also one of another's flattened keys (`DataDisk.2.Category` beside
 * the list `DataDisk`): what the server makes of it alone is the spec's ambiguity, not a rule. */
function shadowed(action: ActionFacts, param: ParamFacts): boolean {
  return action.params.some(
    (other) => other !== param && other.style !== 'scalar' && param.name.startsWith(`${other.name}.`),
  );
}

/** Both sides of every constraint the parameter's schema states. */
function casesFor(param: ParamFacts): Case[] {
  const s = param.schema;
  if (param.style === 'repeatList') return listCases(param);
  if (param.style !== 'scalar') return [];
  if (s.type === 'integer') return integerCases(s);
  if (s.type === 'boolean')
    return [
      { label: 'true', value: true },
      { label: 'false', value: false },
      { label: 'yes', value: 'yes' },
      { label: 'one', value: '1' },
    ];
  if (s.type === 'string') return stringCases(s);
  return [];
}

function listCases(param: ParamFacts): Case[] {
  const s = param.schema;
  const item = sampleItem(param);
  const cases: Case[] = [];
  if (item === undefined) return cases;
  const items = (n: number) => Array.from({ length: n }, (_, i) => item(i + 1));
  if (typeof s.maxItems === 'number')
    cases.push(
      { label: `${s.maxItems}-items`, value: items(s.maxItems) },
      { label: `${s.maxItems + 1}-items`, value: items(s.maxItems + 1) },
    );
  // One item fewer than a minimum above 1 (an empty list is no list at all on the wire).
  if (typeof s.minItems === 'number' && s.minItems > 1)
    cases.push(
      { label: `${s.minItems}-items`, value: items(s.minItems) },
      { label: `${s.minItems - 1}-items`, value: items(s.minItems - 1) },
    );
  const itemSchema = (s.items ?? {}) as Schema;
  if (Array.isArray(itemSchema.enum) && typeof itemSchema.enum[0] === 'string')
    cases.push({ label: 'item-not-in-enum', value: [outsideEnum(itemSchema.enum as string[])] });
  return cases;
}

function integerCases(s: Schema): Case[] {
  // Integers are plain decimal (server/README.md): not an exponent, hexadecimal or padded.
  const cases: Case[] = [
    { label: 'abc', value: 'abc' },
    { label: '1.5', value: '1.5' },
    { label: 'empty', value: '' },
    { label: 'exponent', value: '1e1' },
    { label: 'hexadecimal', value: '0x10' },
  ];
  if (typeof s.minimum === 'number') {
    cases.push(
      { label: `min-${s.minimum}`, value: s.minimum },
      { label: `below-min-${s.minimum - 1}`, value: s.minimum - 1 },
    );
  }
  // However large the maximum, one above it is refused (while JavaScript still counts exactly).
  if (typeof s.maximum === 'number' && Number.isSafeInteger(s.maximum + 1)) {
    cases.push(
      { label: `max-${s.maximum}`, value: s.maximum },
      { label: `above-max-${s.maximum + 1}`, value: s.maximum + 1 },
    );
  }
  if (typeof s.minimum === 'number' && s.minimum > 0) cases.push({ label: 'negative', value: -1 });
  return cases;
}

/** Text at and beyond each stated length, outside the enum and the pattern, and empty where any of
 * those refuse it (or the parameter is otherwise unconstrained text, which must take ''). */
function stringCases(s: Schema): Case[] {
  const cases: Case[] = [{ label: 'empty', value: '' }];
  if (Array.isArray(s.enum)) {
    const values = s.enum.filter((v): v is string => typeof v === 'string');
    if (values.length === 0) return cases;
    cases.push({ label: `enum-${values[0]}`, value: values[0] });
    if (values.length > 1) cases.push({ label: `enum-${values.at(-1)}`, value: values.at(-1) });
    cases.push({ label: 'not-in-enum', value: outsideEnum(values) });
    const other =
      values[0]!.toLowerCase() === values[0] ? values[0]!.toUpperCase() : values[0]!.toLowerCase();
    if (!values.includes(other)) cases.push({ label: 'enum-in-another-case', value: other });
    return cases;
  }
  const pattern = typeof s.pattern === 'string' ? new RegExp(s.pattern, 'u') : undefined;
  if (typeof s.maxLength === 'number' && s.maxLength <= MAX_TEXT) {
    const at = textOfLength(s.maxLength, pattern);
    if (at !== undefined) cases.push({ label: `max-length-${s.maxLength}`, value: at });
    cases.push({
      label: `above-max-length-${s.maxLength + 1}`,
      value: textOfLength(s.maxLength + 1, pattern) ?? 'a'.repeat(s.maxLength + 1),
    });
  }
  if (typeof s.minLength === 'number' && s.minLength > 1 && s.minLength <= MAX_TEXT) {
    const at = textOfLength(s.minLength, pattern);
    if (at !== undefined) cases.push({ label: `min-length-${s.minLength}`, value: at });
    cases.push({
      label: `below-min-length-${s.minLength - 1}`,
      value: textOfLength(s.minLength - 1, pattern) ?? 'a'.repeat(s.minLength - 1),
    });
  }
  if (pattern !== undefined) {
    const min = Math.max(1, Number(s.minLength ?? 1));
    const max = Number(s.maxLength ?? Number.POSITIVE_INFINITY);
    const odd = ['!', ' ', '中', '-', '_', '.', 'A', 'a', '0']
      .map((unit) => unit.repeat(min))
      .find((t) => t.length <= max && !pattern.test(t));
    if (odd !== undefined) cases.push({ label: 'pattern-mismatch', value: odd });
  }
  return cases;
}

/** No boundary text longer than this: a spec's 64 KiB limit is not worth a 64 KiB request. */
const MAX_TEXT = 4096;

/** Text of exactly `length` characters the pattern (if any) accepts, from a few plain alphabets. */
function textOfLength(length: number, pattern: RegExp | undefined): string | undefined {
  if (length < 0) return undefined;
  return ['a', '1', 'A', 'a1', 'a-', '1.']
    .map((unit) => unit.repeat(Math.ceil(length / unit.length) + 1).slice(0, length))
    .find((t) => pattern === undefined || pattern.test(t));
}

function outsideEnum(values: readonly string[]): string {
  let text = `${values[0] ?? ''}x`;
  while (values.includes(text)) text += 'x';
  return text;
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
      const pattern = new RegExp(
        `^${escapeRegExp(template).replace('\\{Name\\}', () => escapeRegExp(param.name))}$`,
      );
      expectError(
        ctx,
        await send(ctx, { action: action.descriptor.name, params: wire(action, rest) }),
        'MissingParameter',
        pattern,
      );
    },
  };
}

function unknownValue(
  action: ActionFacts,
  param: ParamFacts,
  code: string,
  label: string,
  /** The value to send, from the value the run knows to be valid (`--value`, the spec's example). */
  make: (param: ParamFacts, known: string | undefined) => string | undefined,
): Check {
  return {
    id: `boundary.${action.descriptor.name}.${param.name}.${label}`,
    action: action.descriptor.name,
    title: `${label === 'unknown' ? 'an unknown' : `a ${label.replaceAll('-', ' ')}`} ${param.name} is ${code}`,
    run: async (ctx) => {
      const base = baseParams(ctx, action);
      const known =
        typeof base[param.name] === 'string' ? (base[param.name] as string) : knownValue(ctx, param);
      const value = make(param, known);
      if (value === undefined || value === known)
        throw new CheckSkipped(`no valid ${param.name} is known to vary: pass --value ${param.name}=…`);
      const params = { ...base, [param.name]: value };
      // Validation comes before lookup: a value the schema refutes (an enum) is InvalidParameter.
      if (refuses(action, param.name, value))
        throw new CheckSkipped(
          `the spec's constraints refuse ${JSON.stringify(value)} for ${param.name} before it is looked up`,
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

/** The value the run knows for a parameter it need not send: `--value`, else the spec's example. */
function knownValue(ctx: CheckContext, param: ParamFacts): string | undefined {
  const given = ctx.target.values[param.name]?.split(',')[0];
  const value = given ?? param.example;
  return typeof value === 'string' ? value : undefined;
}

function otherCase(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const upper = text.toUpperCase();
  return upper !== text ? upper : text.toLowerCase();
}

/** A list whose indexes skip one (`Name.1`, `Name.3`): a client that lost an item; refused naming the
 * key after the gap (server/README.md). */
function listGap(action: ActionFacts, param: ParamFacts): Check {
  return {
    id: `boundary.${action.descriptor.name}.${param.name}.index-gap`,
    action: action.descriptor.name,
    title: `${param.name}.1 then ${param.name}.3 is InvalidParameter naming ${param.name}.3`,
    run: async (ctx) => {
      const item = sampleItem(param);
      if (item === undefined || typeof item(1) === 'object')
        throw new CheckSkipped(`no plain item of ${param.name} is known`);
      const { [param.name]: _left, ...rest } = baseParams(ctx, action);
      const params = [
        ...wire(action, rest),
        [`${param.name}.1`, String(item(1))],
        [`${param.name}.3`, String(item(2))],
      ] as [string, string][];
      expectError(
        ctx,
        await send(ctx, { action: action.descriptor.name, params }),
        'InvalidParameter',
        new RegExp(escapeRegExp(`${param.name}.3`)),
      );
    },
  };
}
