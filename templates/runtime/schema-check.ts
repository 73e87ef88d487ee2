// Checks a value against a schema of the binding's JSON Schema subset (spec/README.md, Supported
// schema keywords), given as data: the generated validators are schemas, not code. The errors are the
// ones ajv (2020-12, allErrors, strict numbers) gives for the same schema and value, in the same order
// (instancePath, keyword, params; test/templates/runtime/schema-check.test.ts holds it to ajv), so
// validation.ts turns them into the same issues whichever checked. Each validator is given the checks
// of the keywords its schema uses (schema-bounds.ts, schema-objects.ts, schema-pattern.ts,
// schema-values.ts), so a bundle holds only those.
import type { AjvErrorLike, SchemaValidate } from './validation.js';

/** A schema as the generated modules give it: a `$ref` is a function returning its target, so
 * schemas can refer to each other (and to themselves) without a table every program would keep. */
export type CheckSchema = boolean | CheckSchemaObject;
export interface CheckSchemaObject {
  readonly $ref?: () => CheckSchema;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly items?: CheckSchema;
  readonly required?: readonly string[];
  readonly propertyNames?: CheckSchema;
  readonly additionalProperties?: CheckSchema;
  readonly properties?: Readonly<Record<string, CheckSchema>>;
}

export type Errors = AjvErrorLike[];
type S = CheckSchemaObject;
/** A schema made a function once: checks a value at `path` (a JSON pointer), adding ajv's errors to `out`. */
export type Check = (d: unknown, path: string, out: Errors) => void;
/** A keyword's check, made from the schema that gives it; `sub` makes a subschema's. */
export type KeywordCheck = (s: CheckSchemaObject, sub: (schema: CheckSchema) => Check) => Check;
/** The checks of the keywords a validator's schemas use, by keyword. */
export type KeywordChecks = Readonly<Partial<Record<keyof CheckSchemaObject, KeywordCheck>>>;

const number = (d: unknown): d is number => typeof d === 'number' && Number.isFinite(d);
export const TYPES: Readonly<Record<string, (d: unknown) => boolean>> = {
  number,
  integer: (d) => number(d) && d % 1 === 0,
  object: (d) => typeof d === 'object' && d !== null && !Array.isArray(d),
  array: Array.isArray,
  null: (d) => d === null,
  string: (d) => typeof d === 'string',
  boolean: (d) => typeof d === 'boolean',
};
/** Keywords in ajv's order: first those of any value, then each type's, checked on a value of it. */
const ORDER: readonly (readonly [string, readonly (keyof S)[]])[] = [
  ['', ['const', 'enum']],
  ['number', ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum']],
  ['string', ['maxLength', 'minLength', 'pattern']],
  ['array', ['maxItems', 'minItems', 'items', 'uniqueItems']],
  ['object', ['required', 'propertyNames', 'additionalProperties', 'properties']],
];
const compiled = new WeakMap<S, Check>();

/** A validator of the schema: true or false, and the errors of the last call on `errors`. */
export function schemaValidator(schema: CheckSchema, keywords: KeywordChecks): SchemaValidate {
  let check: Check | undefined;
  const validate: SchemaValidate = (data) => {
    const errors: Errors = [];
    check ??= compile(schema, keywords);
    check(data, '', errors);
    validate.errors = errors.length === 0 ? null : errors;
    return errors.length === 0;
  };
  return validate;
}

export function fail(out: Errors, path: string, keyword: string, params: Record<string, unknown>): void {
  out.push({ instancePath: path, keyword, params });
}

function compile(s: CheckSchema, keywords: KeywordChecks): Check {
  if (typeof s === 'boolean') return (_d, p, o) => s || fail(o, p, 'false schema', {});
  let check = compiled.get(s);
  if (check === undefined) {
    const steps = stepsOf(s, keywords);
    check = (d, p, o) => {
      for (const step of steps) step(d, p, o);
    };
    compiled.set(s, check);
  }
  return check;
}

/** The schema's checks in ajv's order: the type (unless its own keywords report it), `$ref`, then
 * the keywords of `ORDER`, a type's on a value of that type. */
function stepsOf(s: S, keywords: KeywordChecks): Check[] {
  const sub = (schema: CheckSchema) => compile(schema, keywords);
  const types = s.type === undefined ? [] : typeof s.type === 'string' ? [s.type] : s.type;
  const groups = ORDER.map(
    ([type, keys]) =>
      [
        type,
        keys.filter((k) => s[k] !== undefined).map((k) => (keywords[k] as KeywordCheck)(s, sub)),
      ] as const,
  ).filter(([, checks]) => checks.length > 0);
  // A single type whose keywords the schema uses is reported where they are checked; any other up front.
  const late = types.length === 1 && groups.some(([type]) => type === types[0]) ? types[0] : undefined;
  const typeError: Check = (_d, p, o) => fail(o, p, 'type', { type: s.type });
  const steps: Check[] = [];
  if (types.length > 0 && late === undefined) {
    steps.push((d, p, o) => types.some((t) => TYPES[t]?.(d)) || typeError(d, p, o));
  }
  const ref = s.$ref;
  let target: Check | undefined;
  if (ref !== undefined) {
    steps.push((d, p, o) => {
      target ??= sub(ref());
      target(d, p, o);
    });
  }
  for (const [type, checks] of groups) {
    const test = TYPES[type];
    steps.push((d, p, o) => {
      if (test === undefined || test(d)) for (const check of checks) check(d, p, o);
      else if (late === type) typeError(d, p, o);
    });
  }
  return steps;
}
