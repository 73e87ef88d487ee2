// The checks of the keywords that walk into a value (schema-check.ts): an array's items, an object's
// properties, required ones, others and their names, as ajv words their errors; exported under the
// keywords' names for the generated validators, which import those they use.
import { type Check, type CheckSchema, fail, type KeywordCheck } from './schema-check.js';

type Obj = Record<string, unknown>;

const checkItems: KeywordCheck = (s, sub) => {
  const each = sub(s.items as CheckSchema);
  return (d, p, o, n) => {
    const list = d as unknown[];
    for (let i = 0; i < list.length; i++) each(list[i], `${p}/${i}`, o, n);
  };
};

const checkRequired: KeywordCheck = (s) => {
  const required = s.required as readonly string[];
  return (d, p, o, n) => {
    for (const key of required)
      if ((d as Obj)[key] === undefined) fail(o, p, n, 'required', { missingProperty: key });
  };
};

const checkPropertyNames: KeywordCheck = (s, sub) => {
  const names = sub(s.propertyNames as CheckSchema);
  return (d, p, o, n) => {
    for (const key in d as Obj) {
      const before = o.length;
      names(key, p, o, key);
      if (o.length > before) fail(o, p, n, 'propertyNames', { propertyName: key });
    }
  };
};

const checkAdditionalProperties: KeywordCheck = (s, sub) => {
  const declared = s.properties ?? {};
  const extra = s.additionalProperties as CheckSchema;
  const value = extra === false ? undefined : sub(extra);
  return (d, p, o, n) => {
    for (const key in d as Obj) {
      if (Object.hasOwn(declared, key)) continue;
      if (value === undefined) fail(o, p, n, 'additionalProperties', { additionalProperty: key });
      else value((d as Obj)[key], `${p}/${pointer(key)}`, o, n);
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
  return (d, p, o, n) => {
    for (const [key, at, check] of checks) {
      const value = (d as Obj)[key];
      if (value !== undefined) check(value, p + at, o, n);
    }
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
