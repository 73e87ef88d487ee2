// Rule: a header parameter (`in: header`) is one scalar header the caller may set: a valid HTTP
// field name, no x-acs-style, and none of the headers the protocol sets itself (spec/README.md,
// parameters): those are the client's, from the body's encoding and the signature.
import { joinPointer } from '../../load/pointer.ts';
import { type CheckContext, isObject, operations } from '../context.ts';

const TOKEN = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const SCALARS = new Set(['string', 'integer', 'number', 'boolean']);
/** Set by the client on every request (sign-request.ts), or by HTTP itself. */
export const PROTOCOL_HEADERS = new Set([
  'accept',
  'authorization',
  'content-length',
  'content-type',
  'date',
  'host',
  'user-agent',
  'x-acs-action',
  'x-acs-content-sha256',
  'x-acs-date',
  'x-acs-security-token',
  'x-acs-signature-nonce',
  'x-acs-version',
]);

export function checkHeaderParameters(ctx: CheckContext): void {
  const root = ctx.spec.value as Record<string, unknown>;
  for (const { pointer, operation } of operations(root)) {
    const params = Array.isArray(operation.parameters) ? operation.parameters : [];
    params.forEach((param: unknown, i) => {
      if (!isObject(param) || param.in !== 'header') return;
      const at = joinPointer(pointer, 'parameters', i);
      const name = String(param.name);
      const problem = headerProblem(name, param);
      if (problem !== undefined) ctx.report('param.header', joinPointer(at, problem.key), problem.message);
    });
  }
}

function headerProblem(
  name: string,
  param: Record<string, unknown>,
): { key: string; message: string } | undefined {
  if (!TOKEN.test(name))
    return {
      key: 'name',
      message: `Header parameter "${name}" is not an HTTP header name (letters, digits, -).`,
    };
  if (PROTOCOL_HEADERS.has(name.toLowerCase()))
    return {
      key: 'name',
      message: `Header parameter "${name}" is a header the client sets itself (from the body's encoding or the signature); leave it out of the spec.`,
    };
  if (param['x-acs-style'] !== undefined)
    return {
      key: 'x-acs-style',
      message: `Header parameter "${name}" is one header value; it takes no x-acs-style.`,
    };
  const schema = isObject(param.schema) ? param.schema : {};
  if (schema.$ref !== undefined || !(typeof schema.type === 'string' && SCALARS.has(schema.type)))
    return {
      key: 'schema',
      message: `Header parameter "${name}" must be a scalar (string, integer, number or boolean), written inline.`,
    };
  return undefined;
}
