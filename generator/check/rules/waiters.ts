// Rule: waiters (`x-acs-rpc.waiters`, Smithy's waiters trait) mean something: a matcher is one of
// path/errorType/success, a path names fields of the action's response, the comparator fits what the
// path yields, an error type is documented, delays are ordered, a success is reachable, names unique.
import { WAITER_PATH } from '../../../templates/runtime/waiter.ts';
import { joinPointer, resolvePointer } from '../../load/pointer.ts';
import { type CheckContext, isObject, operations } from '../context.ts';

type Raw = Record<string, unknown>;

const PROJECTING = ['allStringEquals', 'anyStringEquals'];

export function checkWaiters(ctx: CheckContext): void {
  const root = ctx.spec.value as Raw;
  const serviceErrors = Object.keys(((root['x-acs-service'] as Raw | undefined)?.errors ?? {}) as Raw);
  const seen = new Map<string, string>();
  for (const { pointer, operation } of operations(root)) {
    const binding = operation['x-acs-rpc'];
    if (!isObject(binding) || !isObject(binding.waiters)) continue;
    const errors = [...serviceErrors, ...Object.keys((binding.errors ?? {}) as Raw)];
    const response = successSchema(root, operation);
    for (const [name, waiter] of Object.entries(binding.waiters)) {
      if (!isObject(waiter)) continue;
      const at = joinPointer(pointer, 'x-acs-rpc', 'waiters', name);
      const first = seen.get(name);
      if (first !== undefined)
        ctx.report(
          'waiter.invalid',
          at,
          `Waiter "${name}" is also declared by ${first}; names are unique in a spec.`,
        );
      else seen.set(name, String(binding.action));
      checkDelays(ctx, at, waiter);
      const acceptors = Array.isArray(waiter.acceptors) ? waiter.acceptors : [];
      if (!acceptors.some((a) => isObject(a) && a.state === 'success'))
        ctx.report(
          'waiter.invalid',
          at,
          `Waiter "${name}" has no success acceptor, so it could never succeed.`,
        );
      acceptors.forEach((acceptor, i) => {
        if (isObject(acceptor) && isObject(acceptor.matcher))
          checkMatcher(ctx, joinPointer(at, 'acceptors', i, 'matcher'), acceptor.matcher, response, errors);
      });
    }
  }
}

function checkDelays(ctx: CheckContext, at: string, waiter: Raw): void {
  const min = typeof waiter.minDelay === 'number' ? waiter.minDelay : 2;
  const max = typeof waiter.maxDelay === 'number' ? waiter.maxDelay : 120;
  if (min > max)
    ctx.report(
      'waiter.invalid',
      joinPointer(at, 'maxDelay'),
      `maxDelay (${max} s) is less than minDelay (${min} s).`,
    );
}

function checkMatcher(ctx: CheckContext, at: string, matcher: Raw, response: Raw, errors: string[]): void {
  const kinds = ['path', 'errorType', 'success'].filter((k) => k in matcher);
  if (kinds.length !== 1 || ('path' in matcher && !('comparator' in matcher && 'expected' in matcher))) {
    ctx.report(
      'waiter.invalid',
      at,
      'A matcher is one of { path, comparator, expected }, { errorType } or { success }.',
    );
    return;
  }
  if (typeof matcher.errorType === 'string' && !errors.includes(matcher.errorType))
    ctx.report(
      'waiter.invalid',
      joinPointer(at, 'errorType'),
      `errorType "${matcher.errorType}" is not a documented error of the action or the service.`,
    );
  if (typeof matcher.path === 'string') checkPath(ctx, at, matcher, response);
}

function checkPath(ctx: CheckContext, at: string, matcher: Raw, response: Raw): void {
  const path = String(matcher.path);
  if (!WAITER_PATH.test(path)) {
    ctx.report(
      'waiter.invalid',
      joinPointer(at, 'path'),
      `Path "${path}" is not fields joined by dots, each optionally followed by [].`,
    );
    return;
  }
  const deref = (value: unknown) => derefIn(ctx.spec.value, value);
  let schema: Raw | undefined = response;
  for (const segment of path.split('.')) {
    const field = segment.replace(/\[\]$/, '');
    if (schema?.type === 'array') {
      ctx.report(
        'waiter.invalid',
        joinPointer(at, 'path'),
        `Path "${path}": the field before "${segment}" is an array; project it with [].`,
      );
      return;
    }
    schema = deref(schema?.properties === undefined ? undefined : (schema.properties as Raw)[field]);
    if (schema !== undefined && segment.endsWith('[]'))
      schema = schema.type === 'array' ? deref(schema.items) : undefined;
    if (schema === undefined) {
      ctx.report(
        'waiter.invalid',
        joinPointer(at, 'path'),
        `Path "${path}": "${segment}" is not ${segment.endsWith('[]') ? 'an array field' : 'a field'} of the response.`,
      );
      return;
    }
  }
  const projects = path.includes('[]');
  const comparator = String(matcher.comparator);
  if (PROJECTING.includes(comparator) !== projects)
    ctx.report(
      'waiter.invalid',
      joinPointer(at, 'comparator'),
      `${comparator} ${projects ? 'compares one value, but the path projects a list' : 'compares a list, but the path has no [] projection'}.`,
    );
  const wants = comparator === 'booleanEquals' ? 'boolean' : 'string';
  if (schema.type !== wants)
    ctx.report(
      'waiter.invalid',
      joinPointer(at, 'path'),
      `Path "${path}" is of type ${String(schema.type)}; ${comparator} needs a ${wants}.`,
    );
  else if (Array.isArray(schema.enum) && !schema.enum.includes(matcher.expected))
    ctx.report(
      'waiter.invalid',
      joinPointer(at, 'expected'),
      `"${String(matcher.expected)}" is not one of the values of ${path}: ${schema.enum.join(', ')}.`,
    );
}

function successSchema(root: unknown, operation: Raw): Raw {
  const ok = derefIn(root, (operation.responses as Raw | undefined)?.['200']);
  const media = ((ok?.content ?? {}) as Raw)['application/json'] as Raw | undefined;
  return derefIn(root, media?.schema) ?? {};
}

function derefIn(root: unknown, value: unknown): Raw | undefined {
  let current = isObject(value) ? value : undefined;
  for (let hops = 0; typeof current?.$ref === 'string' && hops < 32; hops++) {
    const next = resolvePointer(root, current.$ref);
    current = isObject(next) ? next : undefined;
  }
  return current;
}
