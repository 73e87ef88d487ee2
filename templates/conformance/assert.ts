// What checks assert, with the exchange attached to every failure.
import type { Shape } from '../runtime/descriptors.js';
import { normalize } from '../runtime/normalize.js';
import { toHeaderParams, toWireParams } from '../runtime/serialize.js';
import { describeResponse, type Exchange } from './http.js';
import {
  type ActionFacts,
  type CheckContext,
  CheckFailure,
  CheckSkipped,
  type ConformanceFacts,
  documentedErrors,
  type ParamFacts,
} from './types.js';
import { minimalValue } from './values.js';

export function fail(message: string, exchange?: Exchange): never {
  throw new CheckFailure(
    message,
    exchange === undefined
      ? undefined
      : { sent: exchange.sent, received: describeResponse(exchange), secrets: exchange.secrets },
  );
}

/** The error the spec pairs with this code: its status, the code, a valid envelope. */
export function expectError(
  ctx: CheckContext,
  exchange: Exchange,
  code: string,
  messagePattern?: RegExp,
): void {
  const status = documentedErrors(ctx.facts)[code]?.httpStatus;
  if (exchange.status >= 200 && exchange.status < 300)
    fail(`expected ${code} (HTTP ${status}), got a success`, exchange);
  if (exchange.status >= 500 && (status ?? 0) < 500)
    fail(`expected ${code} (HTTP ${status}), got a server error`, exchange);
  if (exchange.body?.Code !== code)
    fail(`expected Code ${code}, got ${JSON.stringify(exchange.body?.Code)}`, exchange);
  if (exchange.status !== status)
    fail(`${code} must come with HTTP ${status}, got ${exchange.status}`, exchange);
  const issues = ctx.facts.validateErrorEnvelope(exchange.body);
  if (issues.length > 0)
    fail(
      `the error envelope is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      exchange,
    );
  if (messagePattern !== undefined && !messagePattern.test(String(exchange.body?.Message))) {
    fail(`the message does not match ${messagePattern}`, exchange);
  }
}

/** Refused with one of `codes` (where the spec leaves a choice), each with its own status and envelope. */
export function expectOneOf(ctx: CheckContext, exchange: Exchange, codes: readonly string[]): void {
  const code = exchange.body?.Code;
  expectError(ctx, exchange, typeof code === 'string' && codes.includes(code) ? code : codes[0]!);
}

/** A success whose body, read by the action's shape, is valid against the response validator. */
export function expectSuccess(action: ActionFacts, exchange: Exchange): Record<string, unknown> {
  if (exchange.status !== 200) fail(`expected HTTP 200, got ${exchange.status}`, exchange);
  if (exchange.body === undefined) fail('the body is neither a JSON object nor XML', exchange);
  let value: Record<string, unknown>;
  try {
    value = normalize(exchange.body, action.descriptor.responseShape) as Record<string, unknown>;
  } catch (error) {
    fail(`the body does not have the spec's shape: ${(error as Error).message}`, exchange);
  }
  const issues = action.validateResponse(value);
  if (issues.length > 0)
    fail(`the body is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, exchange);
  return value;
}

/** The smallest valid request: each required parameter from `given`, --values, the spec's example
 * (of this action, else of another with a parameter of that name) or else the smallest value its
 * schema allows. */
export function baseParams(
  ctx: CheckContext,
  action: ActionFacts,
  given: Record<string, unknown> = {},
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const p of action.params) {
    if (!p.required || p.name in given) continue;
    const text = ctx.target.values[p.name];
    const value =
      (text === undefined ? undefined : fromText(p, text)) ??
      p.example ??
      exampleElsewhere(ctx, p) ??
      // A value that names something (the action answers `Invalid<Name>.NotFound`) cannot be made up.
      (names(action, p) ? undefined : minimalValue(p.schema, ctx.facts.schemas));
    if (value === undefined)
      throw new CheckSkipped(
        `no valid value is known for the required parameter ${p.name} (the spec gives no example): pass --value ${p.name}=…`,
      );
    params[p.name] = value;
  }
  return { ...params, ...given };
}

/** A value given as text (`--value Name=text`) in the parameter's own type: a list's items are
 * joined by commas, numbers and booleans are parsed. For anything but a list, commas separate several
 * values (`RegionId=cn-hangzhou,cn-shanghai`): the first is the one requests use, the others are for
 * checks that compare answers across values (filters, regions). */
export function fromText(param: ParamFacts, text: string): unknown {
  if (param.schema.type === 'array') return text.split(',');
  const first = text.split(',')[0]!;
  switch (param.schema.type) {
    case 'integer':
    case 'number':
      return Number(first);
    case 'boolean':
      return first === 'true';
    default:
      return first;
  }
}

/** The example another action of the service gives for a parameter of this name: a name means one
 * thing across a product's actions (`RegionId`, `VpcId`), and the reference server knows those values. */
export function exampleElsewhere(ctx: CheckContext, param: ParamFacts): unknown {
  for (const action of ctx.facts.actions) {
    const other = action.params.find(
      (p) => p.name === param.name && p.style === param.style && p.schema.type === param.schema.type,
    );
    if (other?.example !== undefined) return other.example;
  }
  return undefined;
}

/** A plain string parameter whose unknown values the action answers with `Invalid<Name>.NotFound`. */
export function names(action: ActionFacts, param: ParamFacts): boolean {
  return param.style === 'scalar' && action.errors.includes(`Invalid${param.name}.NotFound`);
}

/** Whether the suite may choose this parameter's value freely: not a page token, which only the server
 * hands out (one made up is refused, and rightly), nor the dry-run switch. */
export function isFreeInput(action: ActionFacts, param: ParamFacts): boolean {
  const p = action.descriptor.pagination;
  if (p?.style === 'token' && param.name === p.tokenParam) return false;
  // Alibaba's dry-run switch answers DryRunOperation instead of the action's answer, by design.
  return param.name !== 'DryRun';
}

/** The parameter that picks a region: the one the service's regional endpoint is named by
 * (`<product>.{RegionId}.aliyuncs.com`). */
export function regionParam(facts: ConformanceFacts): string | undefined {
  return /\{([^}]+)\}/.exec(facts.service.endpoints.regional)?.[1];
}

/** Whether the action's response has a top-level field of this name (`PageNumber`, `PageSize`). */
export function answers(action: ActionFacts, field: string): boolean {
  const shape = action.descriptor.responseShape;
  return shape.kind === 'object' && Object.hasOwn(shape.properties, field);
}

/** The fields of one item of the list at `itemsPath` in the action's response. */
export function itemFields(action: ActionFacts, itemsPath: readonly string[]): string[] {
  let shape: Shape | undefined = action.descriptor.responseShape;
  for (const key of itemsPath) shape = shape?.kind === 'object' ? shape.properties[key] : undefined;
  const item = shape?.kind === 'array' ? shape.items : undefined;
  return item?.kind === 'object' ? Object.keys(item.properties) : [];
}

/** The repeat list of ids that picks items of the list at `itemsPath`: a list of plain strings named
 * like a field of the items (`InstanceId.N` and `InstanceId`), by the convention of Alibaba's APIs. */
export function idListFor(action: ActionFacts, itemsPath: readonly string[]): ParamFacts | undefined {
  const fields = itemFields(action, itemsPath);
  return action.params.find((p) => isIdList(p) && fields.includes(p.name));
}

/** A repeat list of plain strings, such as a list of ids the suite can take from a first page. */
export function isIdList(param: ParamFacts): boolean {
  const items = param.schema.items as Readonly<Record<string, unknown>> | undefined;
  return param.style === 'repeatList' && items?.type === 'string';
}

/** What goes on the wire, by the runtime's own serializer (every style as the client sends it): the
 * parameters, then the header parameters (`send` sends those as headers), so a check that leaves one
 * out or bends one does so to either kind alike. */
export function wire(action: ActionFacts, params: Record<string, unknown>): [string, string][] {
  return [
    ...toWireParams(params, action.descriptor.params),
    ...toHeaderParams(params, action.descriptor.params),
  ];
}

export function valueAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the request validator refuses this value of the parameter (other parameters aside). A
 * parameter's name may itself hold dots (`SystemDisk.Size`), so an issue is its own when its path is
 * the name, or goes on from it into a field or an item. */
export function refuses(action: ActionFacts, name: string, value: unknown): boolean {
  return action.descriptor
    .validateRequest({ [name]: value })
    .some((i) => i.path === name || i.path.startsWith(`${name}.`) || i.path.startsWith(`${name}[`));
}
