// Property-based fuzzing from the spec's schemas (fast-check, loaded only for this check), judged by
// an oracle: the package's own request validator. A request it accepts must succeed (or fail only
// with a documented code that is not a parameter error); one it refuses must be refused with
// MissingParameter or InvalidParameter naming a parameter it refuses. Whatever is sent: no 5xx,
// documented codes with their statuses, valid bodies. Seeded; failures shrink to a minimal case and
// print the seed that reproduces them.
import { baseParams, expectSuccess, fail, isFreeInput, wire } from '../assert.js';
import { type Exchange, send } from '../http.js';
import { asMissing } from '../optional.js';
import { ABSENT_ID, changesState, withId } from '../state.js';
import {
  type ActionFacts,
  type Check,
  type CheckContext,
  CheckFailure,
  CheckSkipped,
  documentedErrors,
  type ParamFacts,
} from '../types.js';

type Schema = Readonly<Record<string, unknown>>;

/** The codes a server answers for a request its parameters' constraints refuse. */
const PARAMETER_ERRORS = ['MissingParameter', 'InvalidParameter'];

export function fuzzCheck(action: ActionFacts, runs = 60): Check {
  return {
    id: `fuzz.${action.descriptor.name}`,
    action: action.descriptor.name,
    title: `${runs} generated requests: the request validator's verdict, no 5xx, documented answers only`,
    usesFastCheck: true,
    run: async (ctx) => {
      // A transition is fuzzed around an unknown resource (its answers are state-independent: any
      // documented one); any other state-changing action could create real resources.
      const t = action.transition;
      if (changesState(action) && t === undefined)
        throw new CheckSkipped(
          `${action.descriptor.name} changes state: generated requests could create resources`,
        );
      // Made once, before fast-check runs: a parameter the suite has no value for skips the check
      // here rather than failing every generated request inside the property.
      const baseline = t === undefined ? baseParams(ctx, action) : withId(ctx, action, t.idParam, ABSENT_ID);
      const { default: fc } = await import('fast-check').catch((error: unknown) => {
        throw asMissing(error);
      });
      type Arb = ReturnType<typeof fc.anything>;
      const text = (extra: readonly string[]) =>
        fc.oneof(
          fc.string({ maxLength: 20 }),
          fc.integer({ min: -5, max: 200 }).map(String),
          fc.constantFrom('', ' ', '1.5', 'abc', '%', '中文', '<x>&', ...extra),
        );
      // Each leaf is a value of its type or text that no server reads as that type (so the validator,
      // which sees the typed value, and the server, which reads the wire text, judge the same thing).
      const leaf = (s: Schema, extra: readonly string[]): Arb => {
        if (s.type === 'integer')
          return fc.oneof(
            fc.integer({ min: -5, max: 200 }),
            text(extra).filter((t) => !/^-?\d+$/.test(t)),
            ...extra.filter((e) => /^-?\d+$/.test(e)).map((e) => fc.constant(Number(e))),
          );
        if (s.type === 'number')
          return fc.oneof(
            fc.integer({ min: -5, max: 200 }),
            text(extra).filter((t) => t.trim() === '' || !Number.isFinite(Number(t))),
          );
        if (s.type === 'boolean')
          return fc.oneof(
            fc.boolean(),
            text(extra).filter((t) => t !== 'true' && t !== 'false'),
          );
        return text(extra);
      };
      const headerText = (_s: Schema, extra: readonly string[]): Arb =>
        text(extra).filter((t) => /^[\t\x20-\x7e]*$/.test(t));
      // Lists and objects keep their structure (the serializer needs it). Below the top, a list has
      // an item and an object a field: an empty one puts nothing on the wire, which the validator
      // would judge as something.
      const arbitraryFor = (s: Schema, extra: readonly string[], nested = false): Arb => {
        if (s.type === 'array')
          return fc.array(arbitraryFor((s.items ?? {}) as Schema, [], true), {
            minLength: nested ? 1 : 0,
            maxLength: 4,
          });
        if (s.type === 'object') {
          const props = Object.entries((s.properties ?? {}) as Record<string, Schema>);
          const fields = fc.record(
            Object.fromEntries(props.map(([k, v]) => [k, arbitraryFor(v, [], true)])),
            { requiredKeys: [] },
          );
          const values = s.additionalProperties;
          const whole =
            values === null || typeof values !== 'object'
              ? fields
              : // A map: any keys (a dot or an empty key included: the server must refuse, not fail).
                fc
                  .tuple(
                    fc.dictionary(fc.string({ maxLength: 8 }), arbitraryFor(values as Schema, [], true), {
                      maxKeys: 3,
                    }),
                    fields,
                  )
                  .map(([map, known]) => ({ ...map, ...known }));
          return nested ? whole.filter((o) => Object.keys(o as object).length > 0) : whole;
        }
        return leaf(s, extra);
      };
      // The resource id of a transition stays unknown: a known one could change real state.
      // A header carries visible ASCII only (fetch refuses the rest before sending).
      const inHeader = (p: ParamFacts) =>
        action.descriptor.params.some((d) => d.name === p.name && d.in === 'header');
      const value = (p: ParamFacts) =>
        (inHeader(p) ? headerText : arbitraryFor)(p.schema, [
          ...(p.example === undefined || typeof p.example === 'object' || p.name === t?.idParam
            ? []
            : [String(p.example)]),
          ...(typeof p.schema.default === 'number' ? [String(p.schema.default)] : []),
        ]);
      const record = fc.record(Object.fromEntries(action.params.map((p) => [p.name, value(p)])), {
        requiredKeys: [],
      });
      const property = fc.asyncProperty(record, async (generated) => {
        const params = onTheWire({ ...baseline, ...generated });
        const exchange = await send(ctx, {
          action: action.descriptor.name,
          params: wire(action, params),
        });
        const shown = JSON.stringify(generated);
        documentedAnswer(ctx, action, exchange, shown);
        if (!judgeable(action, params)) return;
        const refused = refusedParams(action, params);
        if (refused.length === 0) {
          if (exchange.status !== 200 && PARAMETER_ERRORS.includes(String(exchange.body?.Code)))
            fail(
              `the request validator accepts ${shown}, the server refused it as a parameter error`,
              exchange,
            );
          return;
        }
        if (exchange.status === 200)
          fail(
            `the request validator refuses ${refused.join(', ')} in ${shown}, the server accepted it`,
            exchange,
          );
        const code = String(exchange.body?.Code);
        if (!PARAMETER_ERRORS.includes(code))
          fail(
            `${refused.join(', ')} in ${shown} must be refused as a parameter error, not ${code}`,
            exchange,
          );
        const message = String(exchange.body?.Message);
        if (!refused.some((name) => message.includes(name)))
          fail(`the refusal of ${shown} names none of ${refused.join(', ')}: ${message}`, exchange);
      });
      try {
        await fc.assert(property, { numRuns: runs, seed: ctx.seed });
      } catch (error) {
        // fast-check's report, with the shrunk request's own failure and exchange in front of it.
        const cause = (error as { cause?: unknown }).cause;
        if (!(cause instanceof CheckFailure)) throw error;
        const report = (error as Error).message
          .split('\n')
          .filter((l) => /^(Property|\{|Counterexample)/.test(l));
        throw new CheckFailure(`${cause.message}\n${report.join('\n')}`, {
          sent: cause.sent,
          received: cause.received,
          secrets: cause.secrets,
        });
      }
    },
  };
}

/** No 5xx; an error is a documented code with its status and a valid envelope; a success is valid. */
function documentedAnswer(ctx: CheckContext, action: ActionFacts, exchange: Exchange, shown: string): void {
  if (exchange.status >= 500) fail(`HTTP ${exchange.status} for ${shown}`, exchange);
  if (exchange.status === 200) return void expectSuccess(action, exchange);
  const documented = documentedErrors(ctx.facts);
  const code = String(exchange.body?.Code);
  if (!Object.hasOwn(documented, code)) fail(`undocumented code ${code} for ${shown}`, exchange);
  if (documented[code]!.httpStatus !== exchange.status)
    fail(`${code} with HTTP ${exchange.status}`, exchange);
  if (ctx.facts.validateErrorEnvelope(exchange.body).length > 0) fail('invalid error envelope', exchange);
}

/** A top-level list or object that puts nothing on the wire is not sent. */
function onTheWire(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value) && value.length === 0) continue;
    if (value !== null && typeof value === 'object' && Object.keys(value).length === 0) continue;
    out[name] = value;
  }
  return out;
}

/**
 * Whether the wire says exactly what the typed request says, so the validator's verdict is the
 * server's: not when a map key holds a dot or is empty (the flat wire cannot carry it as one key),
 * nor when a parameter's name is also another's flattened key (`DataDisk.2.Category` beside the
 * list `DataDisk`), nor with a page token or the dry-run switch. Such requests are held to the documented answers only.
 */
function judgeable(action: ActionFacts, params: Record<string, unknown>): boolean {
  const lists = action.params.filter((p) => p.style !== 'scalar').map((p) => `${p.name}.`);
  for (const name of Object.keys(params)) {
    if (lists.some((prefix) => name.startsWith(prefix))) return false;
    const param = action.params.find((p) => p.name === name);
    // A page token is the server's to hand out: one made up is refused whatever the schema says.
    if (param !== undefined && !isFreeInput(action, param)) return false;
  }
  return Object.values(params).every(plainKeys);
}

function plainKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(plainKeys);
  if (value === null || typeof value !== 'object') return true;
  return Object.entries(value).every(([k, v]) => k !== '' && !k.includes('.') && plainKeys(v));
}

/** The parameters (by name) the request validator refuses in this request. */
function refusedParams(action: ActionFacts, params: Record<string, unknown>): string[] {
  const names = action.params.map((p) => p.name).sort((a, b) => b.length - a.length);
  const of = (path: string) =>
    names.find((n) => path === n || path.startsWith(`${n}.`) || path.startsWith(`${n}[`)) ?? path;
  return [...new Set(action.descriptor.validateRequest(params).map((i) => of(i.path)))];
}
