// What one broken server is: a realistic bug the spec (spec/ecs.yaml with its imported base,
// spec/README.md) or the seed forbids, played by the mutant proxy (proxy.ts), and the conformance
// check that catches it, or none yet. Helpers to answer as such a server would.
import { conformanceFacts } from '@acs-rpc/ecs/conformance';

type ActionFacts = (typeof conformanceFacts.actions)[number];
type ParamFacts = ActionFacts['params'][number];

export type Category =
  | 'authentication'
  | 'parameters'
  | 'filters'
  | 'formats'
  | 'pagination'
  | 'responses'
  | 'none';

export interface Answer {
  readonly status: number;
  readonly type: string;
  readonly text: string;
}

/** One request as it reached the proxy, and the two ways of asking the reference server about it. */
export interface Call {
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  /** The query string as sent (not decoded). */
  readonly rawQuery: string;
  /** Lower-case names, as sent (content-length left out). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Every parameter, decoded: the query's, then a form body's. */
  readonly pairs: readonly (readonly [string, string])[];
  /** The API parameters among them (no common parameter). */
  readonly params: readonly (readonly [string, string])[];
  readonly signature: 'v1' | 'v3';
  readonly action: string;
  readonly version: string;
  /** The format the reference server answers this request in. */
  readonly format: 'JSON' | 'XML';
  /** Sends the request as it came (or with the parts given changed, unsigned again). */
  forward(changed?: {
    method?: string;
    url?: string;
    headers?: Readonly<Record<string, string>>;
    body?: string;
  }): Promise<Answer>;
  /** Sends these API parameters as a correctly signed request of the same action and format (with
   * `secret`, a wrongly signed one: the reference server's SignatureDoesNotMatch in that format). */
  resign(
    params?: readonly (readonly [string, string])[],
    options?: { format?: 'JSON' | 'XML'; action?: string; version?: string; secret?: string },
  ): Promise<Answer>;
}

export interface Variant {
  /** Kebab case, unique across the harness. */
  readonly name: string;
  readonly category: Category;
  /** What the broken server does wrong, in one sentence. */
  readonly bug: string;
  /** The check that fails against it and the failure message it gives, measured by running the
   * suite (bench/conformance-mutants.ts) and kept in verdicts.ts; index.ts sets them. None: it survives. */
  readonly caughtBy?: string | undefined;
  readonly reason?: RegExp | undefined;
  /** The one request that shows the bug, and what the spec wants answered. */
  readonly witness?: string;
  /** Answers one request as the broken server would; `seen` counts the proxy's earlier requests. */
  serve(call: Call, seen: number): Promise<Answer>;
}

/** The error code of an answer, if it is an error envelope. */
export function codeOf(answer: Answer): string | undefined {
  if (answer.status < 400) return undefined;
  const m = /"Code":"([^"]+)"|<Code>([^<]+)<\/Code>/.exec(answer.text);
  return m?.[1] ?? m?.[2];
}

/** The same error envelope with another code, its message and status (RequestId and HostId kept). */
export function asError(answer: Answer, code: string, status: number, message = messageOf(code)): Answer {
  const recommend = `https://api.aliyun.com/troubleshoot?q=${code}&product=Ecs`;
  return {
    status,
    type: answer.type,
    text: setText(setText(setText(answer.text, 'Code', code), 'Message', message), 'Recommend', recommend),
  };
}

export function messageOf(code: string): string {
  return conformanceFacts.errorMessages[code] ?? code;
}

/** A top-level text field set to a value, in JSON or XML text (the field must be there). */
export function setText(text: string, field: string, value: string): string {
  if (text.trimStart().startsWith('<'))
    return text.replace(new RegExp(`<${field}>[^<]*</${field}>`), `<${field}>${xmlEscape(value)}</${field}>`);
  return text.replace(new RegExp(`"${field}":"(?:[^"\\\\]|\\\\.)*"`), `"${field}":${JSON.stringify(value)}`);
}

/** A top-level field left out, in JSON or XML text. */
export function dropField(text: string, field: string): string {
  return text
    .replace(new RegExp(`"${field}":("(?:[^"\\\\]|\\\\.)*"|-?\\d+|true|false|null),?`), '')
    .replace(/,}$/, '}')
    .replace(new RegExp(`<${field}>[^<]*</${field}>`), '');
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const isJson = (answer: Answer) => answer.type.includes('json');

/** A JSON success body changed by `edit`; other answers (errors, XML) untouched. */
export function editJson(answer: Answer, edit: (body: Record<string, unknown>) => void): Answer {
  if (answer.status !== 200 || !isJson(answer)) return answer;
  const body = JSON.parse(answer.text) as Record<string, unknown>;
  edit(body);
  return { ...answer, text: JSON.stringify(body) };
}

/** The value of a parameter of the call. */
export function param(call: Call, name: string): string | undefined {
  return call.params.find(([k]) => k === name)?.[1];
}

/** The call's parameters with one replaced (or left out, with `undefined`). */
export function withParam(
  call: Call,
  name: string,
  value: string | undefined,
): (readonly [string, string])[] {
  const rest = call.params.filter(([k]) => k !== name);
  return value === undefined ? rest : [...rest, [name, value]];
}

/** Forwards, then lets `fix` answer instead when the reference server answered one of these codes. */
export function onError(
  codes: readonly string[],
  fix: (call: Call, answer: Answer) => Promise<Answer> | Answer,
): (call: Call) => Promise<Answer> {
  return async (call) => {
    const answer = await call.forward();
    const code = codeOf(answer);
    return code !== undefined && codes.includes(code) ? fix(call, answer) : answer;
  };
}

/** Forwards, then rewrites the answer. */
export function rewrite(
  fix: (answer: Answer, call: Call) => Answer | Promise<Answer>,
): (call: Call) => Promise<Answer> {
  return async (call) => fix(await call.forward(), call);
}

/** The parameter an error's message names (`The specified parameter "PageSize" is not valid.`). */
export function namedIn(answer: Answer): string | undefined {
  const m = /"Message":"[^"]*?\\"([^"\\]+)\\"|<Message>[^<]*?"([^"<]+)"/.exec(answer.text);
  return m?.[1] ?? m?.[2];
}

/** What the spec says of a parameter of an action. */
export function paramFacts(action: string, name: string): ParamFacts | undefined {
  return actionFacts(action)?.params.find((p) => p.name === name);
}

export function actionFacts(action: string): ActionFacts | undefined {
  return conformanceFacts.actions.find((a) => a.descriptor.name === action);
}

/** Sets the value at a dotted path of a parsed body (the objects on the way must be there). */
export function setAt(body: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let parent = body;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  parent[path.at(-1)!] = value;
}

export function valueAt(body: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], body);
}

/** An error envelope of this code, as the reference server words it, in the call's format. */
export async function errorFor(call: Call, code: string, status: number, message?: string): Promise<Answer> {
  return asError(await call.resign(call.params, { secret: 'not-the-secret' }), code, status, message);
}
