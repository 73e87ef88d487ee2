// A node:http response's headers as fetch's Headers reads them, without filling a Headers per call
// (undici's appends cost more than the rest of reading the response): get() looks the name up in the
// raw list, repeated headers joined with ", " as Headers joins them; any other use builds the real
// Headers once, from the same pairs in the same order, and goes through it.

/** HTTP header names (RFC 9110 token); another name goes to Headers, which refuses it as it does. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** What Headers has at run time everywhere, though TypeScript's DOM lib declares it only with
 * DOM.Iterable. */
interface Iterating {
  entries(): IterableIterator<[string, string]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<string>;
}

export class RawHeaders {
  readonly #raw: readonly string[];
  #headers: Headers | undefined;

  /** `raw` as IncomingMessage.rawHeaders gives it: name, value, name, value, … */
  constructor(raw: readonly string[]) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    if (this.#headers !== undefined || !TOKEN.test(name)) return this.#full().get(name);
    const wanted = name.toLowerCase();
    const raw = this.#raw;
    let found: string | null = null;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const key = raw[i]!;
      if (key.length !== wanted.length || key.toLowerCase() !== wanted) continue;
      const value = trimHttpSpace(raw[i + 1]!);
      found = found === null ? value : `${found}, ${value}`;
    }
    return found;
  }

  has(name: string): boolean {
    return this.#full().has(name);
  }
  getSetCookie(): string[] {
    return this.#full().getSetCookie();
  }
  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.#full().forEach(callback, thisArg);
  }
  append(name: string, value: string): void {
    this.#full().append(name, value);
  }
  set(name: string, value: string): void {
    this.#full().set(name, value);
  }
  delete(name: string): void {
    this.#full().delete(name);
  }
  entries(): IterableIterator<[string, string]> {
    return (this.#full() as Headers & Iterating).entries();
  }
  keys(): IterableIterator<string> {
    return (this.#full() as Headers & Iterating).keys();
  }
  values(): IterableIterator<string> {
    return (this.#full() as Headers & Iterating).values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  /** The Headers the transport used to build: every raw pair appended in order. */
  #full(): Headers {
    if (this.#headers === undefined) {
      const headers = new Headers();
      for (let i = 0; i + 1 < this.#raw.length; i += 2) headers.append(this.#raw[i]!, this.#raw[i + 1]!);
      this.#headers = headers;
    }
    return this.#headers;
  }
}

/** Headers.append strips leading and trailing HTTP white space (tab, LF, CR, space) from a value. */
function trimHttpSpace(value: string): string {
  if (!isHttpSpace(value.charCodeAt(0)) && !isHttpSpace(value.charCodeAt(value.length - 1))) return value;
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

function isHttpSpace(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || code === 0x20;
}
