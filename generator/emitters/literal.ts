// Values enter generated code only through this helper, as literals: never by string interpolation.
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A reference to a generated identifier inside a literal; only identifiers are accepted. */
export class Identifier {
  readonly name: string;
  constructor(name: string) {
    if (!IDENTIFIER.test(name)) throw new TypeError(`Not an identifier: ${JSON.stringify(name)}`);
    this.name = name;
  }
}

/** A function that loads one export of a module on first use: `async () => (await import(m)).name`,
 * or `async () => through((await import(m)).name)` to hand it to an imported function. */
export class LazyExport {
  readonly module: string;
  readonly name: Identifier;
  readonly through: Identifier | undefined;
  constructor(module: string, name: string, through?: string) {
    this.module = module;
    this.name = new Identifier(name);
    this.through = through === undefined ? undefined : new Identifier(through);
  }
}

export function toLiteral(value: unknown, indent = ''): string {
  if (value === undefined) return 'undefined';
  if (value instanceof Identifier) return value.name;
  if (value instanceof LazyExport) {
    const loaded = `(await import(${stringLiteral(value.module)})).${value.name.name}`;
    return `async () => ${value.through === undefined ? loaded : `${value.through.name}(${loaded})`}`;
  }
  if (typeof value === 'string') return stringLiteral(value);
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v !== 'object' || v === null))
      return `[${value.map((v) => toLiteral(v)).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${toLiteral(v, inner)},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const body = entries.map(([k, v]) => `${inner}${propertyKey(k)}: ${toLiteral(v, inner)},`).join('\n');
    return `{\n${body}\n${indent}}`;
  }
  throw new TypeError(`Cannot write a ${typeof value} as a literal`);
}

export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/** A single-quoted string literal (type or value): JSON's escapes are valid TS escapes. */
export function stringLiteral(value: string): string {
  const body = JSON.stringify(value).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'");
  return `'${body}'`;
}
