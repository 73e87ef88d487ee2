// Parameter bugs: constraints of the request schema not enforced, or enforced and misreported
// (spec/README.md, Parameters and Error codes: InvalidParameter and MissingParameter name the
// parameter; `Invalid<Param>.NotFound` for a value the seed does not know).
import {
  type Answer,
  actionFacts,
  asError,
  type Call,
  editJson,
  messageOf,
  namedIn,
  onError,
  param,
  paramFacts,
  setAt,
  type Variant,
  withParam,
} from './variant.ts';

type Schema = Readonly<Record<string, unknown>>;

/** On InvalidParameter for a parameter of this type, `fix` may give the value the lax server reads
 * instead (undefined: it refuses too; null: it reads the parameter as absent). */
function laxValue(
  type: string,
  fix: (value: string, schema: Schema) => string | null | undefined,
): (call: Call) => Promise<Answer> {
  return onError(['InvalidParameter'], (call, answer) => {
    const name = namedIn(answer);
    const schema = name === undefined ? undefined : paramFacts(call.action, name)?.schema;
    const value = name === undefined ? undefined : param(call, name);
    if (name === undefined || schema?.type !== type || value === undefined) return answer;
    const read = fix(value, schema);
    return read === undefined ? answer : call.resign(withParam(call, name, read ?? undefined));
  });
}

const bounded = (n: number, s: Schema) =>
  Number.isInteger(n) &&
  (typeof s.minimum !== 'number' || n >= s.minimum) &&
  (typeof s.maximum !== 'number' || n <= s.maximum);

/** The list parameter's items as sent (`InstanceId.1`, `InstanceId.2`, …), by index. */
function items(call: Call, name: string): [number, string][] {
  return call.params
    .filter(([k]) => new RegExp(`^${name}\\.\\d+$`).test(k))
    .map(([k, v]): [number, string] => [Number(k.slice(name.length + 1)), v])
    .sort(([a], [b]) => a - b);
}

function withItems(call: Call, name: string, values: readonly string[]): (readonly [string, string])[] {
  return [
    ...call.params.filter(([k]) => !k.startsWith(`${name}.`)),
    ...values.map((v, i) => [`${name}.${i + 1}`, v] as const),
  ];
}

/** A success with no item: TotalCount 0, an empty list (and no next token). */
export function emptyPage(answer: Answer, action: string): Answer {
  const p = actionFacts(action)?.descriptor.pagination;
  if (p === undefined) return answer;
  return editJson(answer, (body) => {
    setAt(body, p.itemsPath, []);
    if (p.totalCountPath !== undefined) setAt(body, p.totalCountPath, 0);
    if (p.style === 'token') setAt(body, p.nextTokenPath, '');
  });
}

const KNOWN: Readonly<Record<string, readonly string[]>> = {
  AcceptLanguage: ['zh-CN', 'en-US', 'ja'],
  ResourceType: ['instance', 'disk', 'reservedinstance', 'scu'],
};

export const PARAMETER_VARIANTS: readonly Variant[] = [
  {
    name: 'integer-above-maximum-clamped',
    category: 'parameters',
    bug: 'an integer above its maximum is read as the maximum (PageSize=51 gives 50) instead of InvalidParameter',
    serve: laxValue('integer', (v, s) =>
      typeof s.maximum === 'number' && Number(v) > s.maximum ? String(s.maximum) : undefined,
    ),
  },
  {
    name: 'integer-below-minimum-clamped',
    category: 'parameters',
    bug: 'an integer below its minimum is read as the minimum (PageSize=0 gives 1)',
    serve: laxValue('integer', (v, s) =>
      typeof s.minimum === 'number' && /^-?\d+$/.test(v) && Number(v) < s.minimum
        ? String(s.minimum)
        : undefined,
    ),
  },
  {
    name: 'integer-read-with-number',
    category: 'parameters',
    bug: 'integers are read with Number(): 1e1, 0x0A and " 5" are accepted',
    witness: 'DescribeInstanceStatus PageSize=1e1: InvalidParameter naming PageSize',
    serve: laxValue('integer', (v, s) => {
      const n = Number(v);
      return v.trim() !== '' && bounded(n, s) ? String(n) : undefined;
    }),
  },
  {
    name: 'integer-read-with-parseint',
    category: 'parameters',
    bug: 'integers are read with parseInt: 1.5 is 1 and 10abc is 10',
    serve: laxValue('integer', (v, s) => {
      const n = Number.parseInt(v, 10);
      return bounded(n, s) ? String(n) : undefined;
    }),
  },
  {
    name: 'large-maximum-unchecked',
    category: 'parameters',
    bug: 'a maximum of 2^31 − 1 is not checked: PageNumber=2147483648 answers an empty page past the end',
    witness: 'DescribeInstanceStatus PageNumber=2147483648: InvalidParameter naming PageNumber',
    serve: laxValue('integer', (v, s) =>
      typeof s.maximum === 'number' && s.maximum >= 1_000_000 && /^\d+$/.test(v) && Number(v) > s.maximum
        ? String(s.maximum)
        : undefined,
    ),
  },
  {
    name: 'max-length-unchecked',
    category: 'parameters',
    bug: 'maxLength is not checked: a 65-character ZoneId is looked up (and not found) instead of InvalidParameter',
    witness: 'DescribeInstanceStatus ZoneId of 65 characters: InvalidParameter naming ZoneId',
    serve: laxValue('string', (v, s) =>
      typeof s.maxLength === 'number' && v.length > s.maxLength ? v.slice(0, s.maxLength) : undefined,
    ),
  },
  {
    name: 'empty-string-as-absent',
    category: 'parameters',
    bug: 'an empty text parameter is read as absent (ZoneId= lists every zone) instead of InvalidParameter (minLength 1)',
    witness: 'DescribeInstanceStatus ZoneId= (empty): InvalidParameter naming ZoneId',
    serve: laxValue('string', (v) => (v === '' ? null : undefined)),
  },
  {
    name: 'max-items-unchecked',
    category: 'parameters',
    bug: 'a repeat list over maxItems is cut to its first maxItems items instead of refused',
    serve: onError(['InvalidParameter'], (call, answer) => {
      const name = namedIn(answer);
      const max = name === undefined ? undefined : paramFacts(call.action, name)?.schema.maxItems;
      if (name === undefined || typeof max !== 'number') return answer;
      const list = items(call, name);
      return list.length > max
        ? call.resign(
            withItems(
              call,
              name,
              list.slice(0, max).map(([, v]) => v),
            ),
          )
        : answer;
    }),
  },
  {
    name: 'list-gaps-accepted',
    category: 'parameters',
    bug: 'a repeat list with a gap (InstanceId.1, InstanceId.3) is read in index order instead of refused',
    witness:
      'DescribeInstanceStatus InstanceId.1=i-hz0001&InstanceId.3=i-hz0002: InvalidParameter naming InstanceId.3',
    serve: onError(['InvalidParameter'], (call, answer) => {
      const m = /^(\w+)\.\d+/.exec(namedIn(answer) ?? '');
      const name = m?.[1];
      if (name === undefined || paramFacts(call.action, name)?.style !== 'repeatList') return answer;
      const list = items(call, name);
      const gap = list.some(([i], n) => i !== n + 1);
      return gap
        ? call.resign(
            withItems(
              call,
              name,
              list.map(([, v]) => v),
            ),
          )
        : answer;
    }),
  },
  {
    name: 'missing-as-invalid',
    category: 'parameters',
    bug: 'a missing required parameter is InvalidParameter instead of MissingParameter',
    serve: onError(['MissingParameter'], (call, answer) => {
      const name = namedIn(answer);
      return name !== undefined && paramFacts(call.action, name) !== undefined
        ? asError(answer, 'InvalidParameter', 400, messageOf('InvalidParameter').replace('{Name}', name))
        : answer;
    }),
  },
  {
    name: 'message-names-no-parameter',
    category: 'parameters',
    bug: 'InvalidParameter’s message leaves `{Name}` unfilled, so the caller cannot tell which parameter is wrong',
    serve: onError(['InvalidParameter'], (_call, answer) =>
      asError(answer, 'InvalidParameter', 400, messageOf('InvalidParameter')),
    ),
  },
  {
    name: 'boolean-anything-but-false-is-true',
    category: 'parameters',
    bug: 'a boolean is true for any text but `false` (Verbose=yes is true) instead of InvalidParameter',
    witness: 'DescribeZones Verbose=yes: InvalidParameter naming Verbose',
    serve: laxValue('boolean', (v) => (v === 'false' ? undefined : 'true')),
  },
  {
    name: 'known-values-any-case',
    category: 'parameters',
    bug: 'AcceptLanguage and ResourceType are looked up case-insensitively (EN-US, DISK accepted)',
    witness: 'DescribeRegions AcceptLanguage=EN-US: InvalidAcceptLanguage.NotFound',
    serve: onError(['InvalidAcceptLanguage.NotFound', 'InvalidResourceType.NotFound'], (call, answer) => {
      for (const [name, values] of Object.entries(KNOWN)) {
        const value = param(call, name);
        const known = values.find((v) => v !== value && v.toLowerCase() === value?.toLowerCase());
        if (known !== undefined) return call.resign(withParam(call, name, known));
      }
      return answer;
    }),
  },
  {
    name: 'unknown-region-as-invalid-parameter',
    category: 'parameters',
    bug: 'an unknown RegionId is InvalidParameter (400) instead of InvalidRegionId.NotFound (404)',
    serve: onError(['InvalidRegionId.NotFound'], (_call, answer) =>
      asError(answer, 'InvalidParameter', 400, messageOf('InvalidParameter').replace('{Name}', 'RegionId')),
    ),
  },
  {
    name: 'unknown-zone-empty-page',
    category: 'parameters',
    bug: 'an unknown ZoneId answers an empty page instead of InvalidZoneId.NotFound',
    serve: onError(['InvalidZoneId.NotFound'], async (call) =>
      emptyPage(await call.resign(withParam(call, 'ZoneId', undefined)), call.action),
    ),
  },
  {
    name: 'accept-language-unchecked',
    category: 'parameters',
    bug: 'an unknown AcceptLanguage falls back to the default language instead of InvalidAcceptLanguage.NotFound',
    serve: onError(['InvalidAcceptLanguage.NotFound'], (call) =>
      call.resign(withParam(call, 'AcceptLanguage', undefined)),
    ),
  },
];
