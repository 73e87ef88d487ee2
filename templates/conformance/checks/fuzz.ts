// Property-based fuzzing from the spec's schemas (fast-check, loaded only for this check): whatever
// is sent, no 5xx, only documented statuses and codes, and valid bodies. Seeded; failures shrink
// to a minimal case and print the seed that reproduces them.
import { baseParams, expectSuccess, fail, wire } from '../assert.js';
import { send } from '../http.js';
import { ABSENT_ID, changesState, withId } from '../state.js';
import { type ActionFacts, type Check, CheckSkipped, documentedErrors, type ParamFacts } from '../types.js';

type Schema = Readonly<Record<string, unknown>>;

export function fuzzCheck(action: ActionFacts, runs = 60): Check {
  return {
    id: `fuzz.${action.descriptor.name}`,
    action: action.descriptor.name,
    title: `${runs} generated requests: no 5xx, documented answers only`,
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
      const base = () => baseline;
      const { default: fc } = await import('fast-check');
      type Arb = ReturnType<typeof fc.anything>;
      const text = (extra: readonly string[]) =>
        fc.oneof(
          fc.string({ maxLength: 20 }),
          fc.integer({ min: -5, max: 200 }).map(String),
          fc.constantFrom('', ' ', '1.5', 'abc', '%', '中文', '<x>&', ...extra),
        );
      const headerText = (_s: Schema, extra: readonly string[]): Arb =>
        text(extra).filter((t) => /^[\t\x20-\x7e]*$/.test(t));
      // Lists and objects keep their structure (the serializer needs it); their leaves are any text.
      const arbitraryFor = (s: Schema, extra: readonly string[]): Arb => {
        if (s.type === 'array')
          return fc.array(arbitraryFor((s.items ?? {}) as Schema, []), { maxLength: 4 });
        if (s.type === 'object') {
          const props = Object.entries((s.properties ?? {}) as Record<string, Schema>);
          const fields = fc.record(Object.fromEntries(props.map(([k, v]) => [k, arbitraryFor(v, [])])), {
            requiredKeys: [],
          });
          const values = s.additionalProperties;
          if (values === null || typeof values !== 'object') return fields;
          // A map: any keys (a dot or an empty key included: the server must refuse, not fail).
          const entries = fc.dictionary(fc.string({ maxLength: 8 }), arbitraryFor(values as Schema, []), {
            maxKeys: 3,
          });
          return fc.tuple(entries, fields).map(([map, known]) => ({ ...map, ...known }));
        }
        return text(extra);
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
      const documented = documentedErrors(ctx.facts);
      await fc.assert(
        fc.asyncProperty(record, async (params) => {
          const exchange = await send(ctx, {
            action: action.descriptor.name,
            params: wire(action, { ...base(), ...params }),
          });
          if (exchange.status >= 500) fail(`HTTP ${exchange.status} for ${JSON.stringify(params)}`, exchange);
          if (exchange.status === 200) return void expectSuccess(action, exchange);
          const code = String(exchange.body?.Code);
          if (!Object.hasOwn(documented, code))
            fail(`undocumented code ${code} for ${JSON.stringify(params)}`, exchange);
          if (documented[code]!.httpStatus !== exchange.status)
            fail(`${code} with HTTP ${exchange.status}`, exchange);
          if (ctx.facts.validateErrorEnvelope(exchange.body).length > 0)
            fail('invalid error envelope', exchange);
        }),
        { numRuns: runs, seed: ctx.seed },
      );
    },
  };
}
