// The checks of the keywords that walk into a value (schema-check.ts): an array's items, an object's
// properties, required ones, others and their names, as ajv words their errors; exported under the
// keywords' names for the generated validators, which import those they use.
import { type Check, type CheckSchema, type Errors, fail, type KeywordCheck } from './schema-check.js';

type Obj = Record<string, unknown>;

const checkItems: KeywordCheck = (s, sub) => {
  const each = sub(s.items as CheckSchema);
  return (d, p, o) => {
    const list = d as unknown[];
    for (let i = 0; i < list.length; i++) each(list[i], `${p}/${i}`, o);
  };
};

const checkRequired: KeywordCheck = (s) => {
  const required = s.required as readonly string[];
  return (d, p, o) => {
    for (const key of required)
      if ((d as Obj)[key] === undefined) fail(o, p, 'required', { missingProperty: key });
  };
};

const checkPropertyNames: KeywordCheck = (s, sub) => {
  const names = sub(s.propertyNames as CheckSchema);
  return (d, p, o) => {
    for (const key in d as Obj) {
      // ajv marks the name's own errors with it, then reports the name.
      const errors: Errors = [];
      names(key, p, errors);
      if (errors.length === 0) continue;
      for (const error of errors) o.push({ ...error, propertyName: key });
      fail(o, p, 'propertyNames', { propertyName: key });
    }
  };
};

const checkAdditionalProperties: KeywordCheck = (s, sub) => {
  const declared = s.properties ?? {};
  const extra = s.additionalProperties as CheckSchema;
  const value = extra === false ? undefined : sub(extra);
  return (d, p, o) => {
    for (const key in d as Obj) {
      if (Object.hasOwn(declared, key)) continue;
      if (value === undefined) fail(o, p, 'additionalProperties', { additionalProperty: key });
      else value((d as Obj)[key], `${p}/${pointer(key)}`, o);
    }
  };
};

const checkProperties: KeywordCheck = (s, sub) => {
  const properties = s.properties as Readonly<Record<string, CheckSchema>>;
  const checks: [string, string, Check][] = Object.keys(properties).map((key) => [
    key,
    `/${pointer(key)}`,
    sub(properties[key] as CheckSchema),
  ]);
  const index = new Map(checks.map(([key], i) => [key, i]));
  // ajv reads every declared name, also one a plain object inherits (`constructor`): with such a
  // name, or a value of another prototype, so does this; else it reads only the names the value has
  // (a request gives a few of an action's many) and puts their errors in the schema's order.
  const inherited = checks.some(([key]) => key in Object.prototype);
  return (d, p, o) => {
    const value = d as Obj;
    const proto = Object.getPrototypeOf(value);
    if (inherited || (proto !== Object.prototype && proto !== null)) {
      for (const [key, at, check] of checks) if (value[key] !== undefined) check(value[key], p + at, o);
      return;
    }
    let found: [number, Errors][] | undefined;
    for (const key in value) {
      const i = index.get(key);
      if (i === undefined || value[key] === undefined) continue;
      const [, at, check] = checks[i] as [string, string, Check];
      const errors: Errors = [];
      check(value[key], p + at, errors);
      if (errors.length > 0) {
        found ??= [];
        found.push([i, errors]);
      }
    }
    for (const [, errors] of found?.sort((a, b) => a[0] - b[0]) ?? []) o.push(...errors);
  };
};

function pointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

export {
  checkAdditionalProperties as additionalProperties,
  checkItems as items,
  checkProperties as properties,
  checkPropertyNames as propertyNames,
  checkRequired as required,
};
