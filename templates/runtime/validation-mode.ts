// How strictly a call is checked against the spec, per client and per call: `strict` refuses (the
// default for requests), `warn` goes on and tells the logger every issue once, `off` skips the work.
// A limit the service has since raised (`PageSize must be <= 50`) need not wait for a regeneration.
import type { ActionDescriptor, ValidationIssue } from './descriptors.js';
import { AcsError, AcsResponseError, AcsValidationError } from './errors.js';
import type { Logger } from './hooks.js';

export type ValidationMode = 'strict' | 'warn' | 'off';

/** One mode for requests and responses, or each its own (an unset side keeps its default). */
export type ValidationOption =
  | ValidationMode
  | { readonly request?: ValidationMode | undefined; readonly response?: ValidationMode | undefined };

export interface ValidationModes {
  readonly request: ValidationMode;
  readonly response: ValidationMode;
}

/** Requests are checked before sending; responses only when asked (their validators load on demand). */
export const DEFAULT_VALIDATION: ValidationModes = { request: 'strict', response: 'off' };

const MODES: readonly unknown[] = ['strict', 'warn', 'off'];
const LEGACY = { off: 'off', warn: 'warn', throw: 'strict' } as const;

/** The call's option over the client's, over the older `validateResponses`, over the defaults. */
export function resolveValidation(
  client: ValidationOption | undefined,
  call: ValidationOption | undefined,
  validateResponses?: 'off' | 'warn' | 'throw',
): ValidationModes {
  const base: ValidationModes = {
    request: DEFAULT_VALIDATION.request,
    response: validateResponses === undefined ? DEFAULT_VALIDATION.response : LEGACY[validateResponses],
  };
  return apply(apply(base, client, 'client'), call, 'call');
}

function apply(base: ValidationModes, option: ValidationOption | undefined, where: string): ValidationModes {
  if (option === undefined) return base;
  if (typeof option === 'string')
    return { request: checked(option, where), response: checked(option, where) };
  return {
    request: option.request === undefined ? base.request : checked(option.request, `${where} request`),
    response: option.response === undefined ? base.response : checked(option.response, `${where} response`),
  };
}

function checked(mode: unknown, where: string): ValidationMode {
  if (MODES.includes(mode)) return mode as ValidationMode;
  throw new AcsError({
    code: 'Client.InvalidConfig',
    message: `The ${where} validation mode must be 'strict', 'warn' or 'off', not ${typeof mode === 'string' ? JSON.stringify(mode) : typeof mode}.`,
  });
}

/** `strict` throws AcsValidationError with every issue; `warn` logs them in one line and goes on. */
export function checkRequest(
  action: ActionDescriptor,
  params: unknown,
  mode: ValidationMode,
  logger: Logger,
): void {
  if (mode === 'off') return;
  const issues = action.validateRequest(params);
  if (issues.length === 0) return;
  if (mode === 'strict') throw new AcsValidationError(issues);
  logger.warn(
    `${action.name} request does not match the spec; sent anyway (validation 'warn'): ${describe(issues)}`,
  );
}

/** The parsed body against the response schema; `strict` fails the call with Client.InvalidResponse. */
export async function checkResponse(
  action: ActionDescriptor,
  body: unknown,
  mode: ValidationMode,
  logger: Logger,
): Promise<void> {
  if (mode === 'off') return;
  const issues = (await action.loadResponseValidator())(body);
  if (issues.length === 0) return;
  const text = `${action.name} response does not match the spec: ${describe(issues)}`;
  if (mode === 'warn') {
    logger.warn(text);
    return;
  }
  const requestId = (body as { RequestId?: unknown } | null)?.RequestId;
  throw new AcsResponseError({
    code: 'Client.InvalidResponse',
    message: text,
    requestId: typeof requestId === 'string' ? requestId : undefined,
  });
}

/** Issues name the parameter (or field path) and the rule, never the value given. */
function describe(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('; ');
}
