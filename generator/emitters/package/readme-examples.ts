// The README's code examples, built from the model so that every package shows its own actions and
// values: a call with the spec's example values, and a call refused by a real constraint.
import type { ActionModel, JsonSchema, ParamModel, ServiceModel } from '../../model/types.ts';
import { actionNames, errorGuardNames, propertyAccess, serviceNames, waiterNames } from '../naming.ts';

export interface ReadmeExamples {
  readonly client: string;
  readonly bareClient: string;
  readonly method: string;
  readonly command: string;
  readonly request: string;
  /** A state-changing call, then the waiter that waits for its target state; absent without one. */
  readonly waiter?: {
    readonly transitionMethod: string;
    readonly transitionRequest: string;
    readonly method: string;
    readonly pollRequest: string;
    /** How to find a resource the transition applies to, when the polled action lists them: the
     * example then runs as it is (on the reference server's seed, or an account that has one). */
    readonly find?: {
      readonly resource: string;
      readonly from: string;
      readonly to: string;
      readonly polled: string;
      readonly listMethod: string;
      readonly listRequest: string;
      /** `listed.A?.B`: the list of items, read without assuming the response has it. */
      readonly items: string;
      /** `item.State`: an item's state. */
      readonly itemState: string;
      /** `found?.Id`: the id of an item that may not have been found. */
      readonly foundId: string;
      readonly fromState: string;
      /** The transition's and the waiter's requests, naming the found resource's id. */
      readonly transitionRequest: string;
      readonly pollRequest: string;
    };
  };
  /** The error guards, with a code the example action documents; absent when it documents none. */
  readonly guard?: {
    readonly product: string;
    readonly action: string;
    /** The code as a JavaScript string literal. */
    readonly code: string;
  };
  /** A call the validator refuses; absent when no parameter has a constraint to break. */
  readonly invalid?: {
    readonly validator: string;
    readonly request: string;
    /** The parameter the request breaks, and how. */
    readonly param: string;
    readonly reason: string;
  };
}

export function readmeExamples(model: ServiceModel): ReadmeExamples | undefined {
  const action = model.actions.find((a) => !a.deprecated) ?? model.actions[0];
  if (action === undefined) return undefined;
  const request = exampleRequest(action);
  const broken = brokenRequest(model.actions);
  const waiter = waiterExample(model.actions);
  const code = (action.errors[0] ?? model.commonErrors[0])?.code;
  const guards = errorGuardNames(model);
  return {
    client: serviceNames(model).client,
    bareClient: serviceNames(model).bareClient,
    method: actionNames(action).method,
    command: actionNames(action).command,
    request: jsLiteral(request),
    ...(waiter === undefined ? {} : { waiter }),
    ...(code === undefined
      ? {}
      : {
          guard: {
            product: guards.product,
            action: guards.actions.get(action.name) ?? actionNames(action).errorGuard,
            code: jsLiteral(code),
          },
        }),
    ...(broken === undefined
      ? {}
      : {
          invalid: {
            validator: actionNames(broken.action).validateRequest,
            request: jsLiteral(broken.request),
            param: broken.param,
            reason: broken.reason,
          },
        }),
  };
}

/** The first waiter whose success state is where a declared transition leads, with that transition. */
function waiterExample(actions: readonly ActionModel[]): ReadmeExamples['waiter'] {
  for (const polled of actions) {
    for (const waiter of polled.waiters) {
      const success = waiter.acceptors.find((a) => a.state === 'success' && 'expected' in a.matcher);
      const target =
        success !== undefined && 'expected' in success.matcher ? success.matcher.expected : undefined;
      const transition = actions.find((a) => a.transition !== undefined && a.transition.to === target);
      if (transition?.transition === undefined) continue;
      const start = exampleRequest(transition);
      const idParam = transition.transition.idParam;
      const idStyle = polled.params.find((p) => p.name === idParam)?.style;
      const listId = (id: unknown) => (idStyle === 'repeatList' ? [id] : id);
      const poll = { ...exampleRequest(polled), [idParam]: listId(start[idParam]) };
      const find = findExample(polled, transition, listId);
      return {
        transitionMethod: actionNames(transition).method,
        transitionRequest: jsLiteral(start),
        method: waiterNames(waiter).method,
        pollRequest: jsLiteral(poll),
        ...(find === undefined ? {} : { find }),
      };
    }
  }
  return undefined;
}

/** The code that reads a resource in the transition's first `from` state off the polled action's
 * list, when it lists that resource; the id goes into the requests as code, not as a value. */
function findExample(
  polled: ActionModel,
  transition: ActionModel,
  listId: (id: unknown) => unknown,
): NonNullable<ReadmeExamples['waiter']>['find'] {
  const moves = transition.transition;
  const lists = polled.lists;
  const from = moves?.from[0];
  if (moves === undefined || lists === undefined || from === undefined || lists.resource !== moves.resource)
    return undefined;
  const id = code(propertyAccess('found', [lists.idField]));
  return {
    resource: moves.resource,
    from,
    to: moves.to,
    polled: polled.name,
    listMethod: actionNames(polled).method,
    listRequest: jsLiteral(exampleRequest(polled)),
    items: propertyAccess('listed', lists.itemsPath, 1),
    itemState: propertyAccess('item', [lists.stateField]),
    foundId: propertyAccess('found', [lists.idField], 0),
    fromState: jsLiteral(from),
    transitionRequest: jsLiteral({ ...exampleRequest(transition), [moves.idParam]: id }),
    pollRequest: jsLiteral({ ...exampleRequest(polled), [moves.idParam]: listId(id) }),
  };
}

/** Required parameters with the spec's example (or a value their schema allows). */
function exampleRequest(action: ActionModel): Record<string, unknown> {
  return Object.fromEntries(action.params.filter((p) => p.required).map((p) => [p.name, sample(p)]));
}

/** The first action with a parameter whose constraint can be broken by one value. */
function brokenRequest(
  actions: readonly ActionModel[],
): { action: ActionModel; request: Record<string, unknown>; param: string; reason: string } | undefined {
  for (const action of actions) {
    for (const p of action.params) {
      const broken = breakConstraint(p.schema);
      if (broken !== undefined) {
        return {
          action,
          request: { ...exampleRequest(action), [p.name]: broken.value },
          param: p.name,
          reason: broken.reason,
        };
      }
    }
  }
  return undefined;
}

function breakConstraint(schema: JsonSchema): { value: unknown; reason: string } | undefined {
  if (typeof schema.maximum === 'number') {
    return { value: schema.maximum + 1, reason: `must be <= ${schema.maximum}` };
  }
  if (typeof schema.maxLength === 'number' && schema.maxLength < 40) {
    return { value: 'x'.repeat(schema.maxLength + 1), reason: `is longer than ${schema.maxLength}` };
  }
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) {
    return { value: 'NotAValue', reason: 'is not one of the allowed values' };
  }
  return undefined;
}

function sample(p: ParamModel): unknown {
  if (p.example !== undefined) return p.example;
  const schema = p.schema;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'array') return [];
  return 'example';
}

const CODE = Symbol('code');

/** An expression that `jsLiteral` writes as it is, where a value would go. */
function code(expression: string): { readonly [CODE]: string } {
  return { [CODE]: expression };
}

/** A value as JavaScript source a person would write: identifier keys bare, strings single-quoted. */
export function jsLiteral(value: unknown): string {
  if (typeof value === 'object' && value !== null && CODE in value) return String(value[CODE]);
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : jsLiteral(k)}: ${jsLiteral(v)}`,
    );
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
