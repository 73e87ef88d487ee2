// Checks a value against a schema of the binding's JSON Schema subset (spec/README.md, Supported
// schema keywords), given as data: the generated validators are schemas, not code. The errors are the
// ones ajv (2020-12, allErrors, strict numbers) gives for the same schema and value, in the same order
// (instancePath, keyword, params; test/templates/runtime/schema-check.test.ts holds it to ajv), so
// validation.ts turns them into the same issues whichever checked.
import type { AjvErrorLike, StandaloneValidate } from './validation.js';

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

type Errors = AjvErrorLike[];
type S = CheckSchemaObject;
/** A schema made a function once: checks a value at `path`, adding ajv's errors to `out`. */
type Check = (d: unknown, path: string, out: Errors, name: string | undefined) => void;
type Obj = Record<string, unknown>;

const TYPES: Readonly<Record<string, (d: unknown) => boolean>> = {
  number: (d) => typeof d === 'number' && Number.isFinite(d),
  integer: (d) => typeof d === 'number' && Number.isFinite(d) && d % 1 === 0,
  object: (d) => typeof d === 'object' && d !== null && !Array.isArray(d),
  array: Array.isArray,
  null: (d) => d === null,
  string: (d) => typeof d === 'string',
  boolean: (d) => typeof d === 'boolean',
};
/** The keywords checked only on a value of their type, by that type, in ajv's order. */
const GROUPS: readonly (readonly [string, readonly (keyof S)[]])[] = [
  ['number', ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum']],
  ['string', ['maxLength', 'minLength', 'pattern']],
  ['array', ['maxItems', 'minItems', 'items', 'uniqueItems']],
  ['object', ['required', 'propertyNames', 'additionalProperties', 'properties']],
];
const compiled = new WeakMap<S, Check>();

/** A validator of the schema: true or false, and the errors of the last call on `errors`. */
export function schemaValidator(schema: CheckSchema): StandaloneValidate {
  let check: Check | undefined;
  const validate: StandaloneValidate = (data) => {
    const errors: Errors = [];
    check ??= compile(schema);
    check(data, '', errors, undefined);
    validate.errors = errors.length === 0 ? null : errors;
    return errors.length === 0;
  };
  return validate;
}

function fail(out: Errors, path: string, name: string | undefined, keyword: string, params: Obj): void {
  out.push(
    name === undefined
      ? { instancePath: path, keyword, params }
      : { instancePath: path, keyword, params, propertyName: name },
  );
}

function compile(s: CheckSchema): Check {
  if (s === true) return () => {};
  if (s === false) return (_d, p, o, n) => fail(o, p, n, 'false schema', {});
  let check = compiled.get(s);
  if (check === undefined) {
    const steps = stepsOf(s);
    check =
      steps.length === 1
        ? (steps[0] as Check)
        : (d, p, o, n) => {
            for (const step of steps) step(d, p, o, n);
          };
    compiled.set(s, check);
  }
  return check;
}

/** The schema's checks in ajv's order: the type (unless its own keywords report it), `$ref`,
 * `const`, `enum`, then each type's keywords on a value of that type. */
function stepsOf(s: S): Check[] {
  const types = s.type === undefined ? [] : typeof s.type === 'string' ? [s.type] : s.type;
  const groups = GROUPS.map(([type, keys]) => [type, keys.filter((k) => s[k] !== undefined)] as const).filter(
    ([, keys]) => keys.length > 0,
  );
  // A single type whose keywords the schema uses is reported where they are checked; any other up front.
  const late = types.length === 1 ? groups.find(([type]) => type === types[0])?.[0] : undefined;
  const typeError: Check = (_d, p, o, n) => fail(o, p, n, 'type', { type: s.type });
  const steps: Check[] = [];
  if (types.length > 0 && late === undefined) {
    const tests = types.map((t) => TYPES[t] as (d: unknown) => boolean);
    steps.push((d, p, o, n) => {
      if (!tests.some((test) => test(d))) typeError(d, p, o, n);
    });
  }
  const ref = s.$ref;
  if (ref !== undefined) {
    let target: Check | undefined;
    steps.push((d, p, o, n) => {
      target ??= compile(ref());
      target(d, p, o, n);
    });
  }
  if (s.const !== undefined) {
    const value = s.const;
    steps.push((d, p, o, n) => {
      if (!same(d, value)) fail(o, p, n, 'const', { allowedValue: value });
    });
  }
  const values = s.enum;
  if (values !== undefined) {
    steps.push((d, p, o, n) => {
      if (!values.some((v) => same(d, v))) fail(o, p, n, 'enum', { allowedValues: values });
    });
  }
  for (const [type, keys] of groups) {
    const test = TYPES[type] as (d: unknown) => boolean;
    const checks = keys.map((k) => (KEYWORDS[k] as (s: S) => Check)(s));
    const only = checks.length === 1 ? checks[0] : undefined;
    steps.push((d, p, o, n) => {
      if (!test(d)) {
        if (late === type) typeError(d, p, o, n);
      } else if (only !== undefined) only(d, p, o, n);
      else for (const check of checks) check(d, p, o, n);
    });
  }
  return steps;
}

const COMPARE: Readonly<Record<string, readonly [string, (d: number, bound: number) => boolean]>> = {
  maximum: ['<=', (d, b) => d <= b],
  minimum: ['>=', (d, b) => d >= b],
  exclusiveMaximum: ['<', (d, b) => d < b],
  exclusiveMinimum: ['>', (d, b) => d > b],
};
const limit =
  (keyword: 'maximum' | 'minimum' | 'exclusiveMaximum' | 'exclusiveMinimum') =>
  (s: S): Check => {
    const bound = s[keyword] as number;
    const [comparison, ok] = COMPARE[keyword] as readonly [string, (d: number, bound: number) => boolean];
    return (d, p, o, n) => {
      if (!ok(d as number, bound)) fail(o, p, n, keyword, { comparison, limit: bound });
    };
  };
const size =
  (keyword: 'maxItems' | 'minItems') =>
  (s: S): Check => {
    const bound = s[keyword] as number;
    const max = keyword === 'maxItems';
    return (d, p, o, n) => {
      const count = (d as unknown[]).length;
      if (max ? count > bound : count < bound) fail(o, p, n, keyword, { limit: bound });
    };
  };
/** A string's length in code points, as JSON Schema counts it, counted only when its UTF-16 length
 * (at least the code points, at most twice them) cannot tell. */
const length =
  (keyword: 'maxLength' | 'minLength') =>
  (s: S): Check => {
    const bound = s[keyword] as number;
    const ok =
      keyword === 'maxLength'
        ? (d: string) => d.length <= bound || codePoints(d) <= bound
        : (d: string) => d.length >= bound && ((d.length + 1) >> 1 >= bound || codePoints(d) >= bound);
    return (d, p, o, n) => {
      if (!ok(d as string)) fail(o, p, n, keyword, { limit: bound });
    };
  };
const codePoints = (d: string): number => {
  let count = 0;
  for (const _ of d) count++;
  return count;
};

const KEYWORDS: Partial<Record<keyof S, (s: S) => Check>> = {
  maximum: limit('maximum'),
  minimum: limit('minimum'),
  exclusiveMaximum: limit('exclusiveMaximum'),
  exclusiveMinimum: limit('exclusiveMinimum'),
  maxLength: length('maxLength'),
  minLength: length('minLength'),
  pattern: (s) => {
    const pattern = s.pattern as string;
    const re = new RegExp(pattern, 'u');
    return (d, p, o, n) => {
      if (!re.test(d as string)) fail(o, p, n, 'pattern', { pattern });
    };
  },
  maxItems: size('maxItems'),
  minItems: size('minItems'),
  items: (s) => {
    const items = compile(s.items as CheckSchema);
    return (d, p, o, n) => {
      const list = d as unknown[];
      for (let i = 0; i < list.length; i++) items(list[i], `${p}/${i}`, o, n);
    };
  },
  uniqueItems: (s) => (d, p, o, n) => {
    if (s.uniqueItems !== true) return;
    const found = duplicate(s, d as unknown[]);
    if (found !== undefined) fail(o, p, n, 'uniqueItems', { i: found[0], j: found[1] });
  },
  required: (s) => {
    const required = s.required as readonly string[];
    return (d, p, o, n) => {
      for (const key of required) {
        if ((d as Obj)[key] === undefined) fail(o, p, n, 'required', { missingProperty: key });
      }
    };
  },
  propertyNames: (s) => {
    const names = compile(s.propertyNames as CheckSchema);
    return (d, p, o, n) => {
      for (const key in d as Obj) {
        const before = o.length;
        names(key, p, o, key);
        if (o.length > before) fail(o, p, n, 'propertyNames', { propertyName: key });
      }
    };
  },
  additionalProperties: (s) => {
    const declared = s.properties ?? {};
    const extra = s.additionalProperties as CheckSchema;
    const value = extra === false ? undefined : compile(extra);
    return (d, p, o, n) => {
      for (const key in d as Obj) {
        if (Object.hasOwn(declared, key)) continue;
        if (value === undefined) fail(o, p, n, 'additionalProperties', { additionalProperty: key });
        else value((d as Obj)[key], `${p}/${pointer(key)}`, o, n);
      }
    };
  },
  properties: (s) => {
    const properties = s.properties as Readonly<Record<string, CheckSchema>>;
    const checks = Object.keys(properties).map(
      (key) => [key, `/${pointer(key)}`, compile(properties[key] as CheckSchema)] as const,
    );
    const index = new Map(checks.map(([key], i) => [key, i]));
    // ajv reads each declared property, also one an object inherits (`constructor`): such a name,
    // or an object of another prototype, is read as ajv reads it; else only the keys the value has.
    const inherits = checks.some(([key]) => key in Object.prototype);
    return (d, p, o, n) => {
      const value = d as Obj;
      const proto = Object.getPrototypeOf(value);
      if (inherits || (proto !== Object.prototype && proto !== null)) {
        for (const [key, at, check] of checks) if (value[key] !== undefined) check(value[key], p + at, o, n);
        return;
      }
      let found: [number, Errors][] | undefined;
      for (const key in value) {
        const i = index.get(key);
        if (i === undefined || value[key] === undefined) continue;
        const [, at, check] = checks[i] as (typeof checks)[number];
        const before = o.length;
        check(value[key], p + at, o, n);
        if (o.length > before) {
          found ??= [];
          found.push([i, o.splice(before)]);
        }
      }
      // In the order the schema declares them, as ajv gives them.
      for (const [, errors] of found?.sort((a, b) => a[0] - b[0]) ?? []) o.push(...errors);
    };
  },
};

/** ajv's search for two equal items: by value when the items' schema names only scalar types, else by
 * deep equality, both from the end. Returns the two indices as ajv reports them (`i`, `j`). */
function duplicate(s: S, d: readonly unknown[]): [number, number] | undefined {
  const item = typeof s.items === 'object' ? s.items.type : undefined;
  const itemTypes = item === undefined ? [] : typeof item === 'string' ? [item] : item;
  if (d.length < 2) return undefined;
  if (itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array')) {
    const indices: Record<string, number> = {};
    for (let i = d.length; i--; ) {
      let value = d[i];
      if (!itemTypes.some((t) => (TYPES[t] as (d: unknown) => boolean)(value))) continue;
      if (itemTypes.length > 1 && typeof value === 'string') value += '_';
      const j = indices[value as string];
      if (typeof j === 'number') return [i, j];
      indices[value as string] = i;
    }
    return undefined;
  }
  for (let i = d.length; i--; ) {
    for (let j = i; j--; ) if (same(d[i], d[j])) return [i, j];
  }
  return undefined;
}

/** JSON equality as ajv's `equal` (fast-deep-equal) judges it for JSON values. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b) || a.constructor !== b.constructor) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && same((a as Obj)[k], (b as Obj)[k]));
}

function pointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
