// The conformance suite's contract: facts from the spec (generated), checks that use them, and
// the context a check runs in. Every expected value a check uses comes from these facts.
import type {
  ActionDescriptor,
  ErrorDescriptor,
  ParamStyle,
  ServiceDescriptor,
  Validate,
} from '../runtime/descriptors.js';
import type { WaiterDescriptor } from '../runtime/waiter.js';

export interface ParamFacts {
  readonly name: string;
  readonly style: ParamStyle;
  readonly required: boolean;
  /** The parameter's JSON Schema (constraints: minimum, maximum, minItems, maxItems, enum, …). */
  readonly schema: Readonly<Record<string, unknown>>;
  /** A valid value from the spec's examples, used where the suite needs one. */
  readonly example?: unknown;
}

/** A case declared in the spec: a request, and what the client and a server must make of it. */
export interface DeclaredCase {
  readonly id: string;
  readonly description?: string | undefined;
  readonly request: Readonly<Record<string, unknown>>;
  /** The wire parameters the client must serialize the request to, in order. */
  readonly wire?: readonly (readonly [string, string])[] | undefined;
  /** The error a server must answer (and the client refuse offline, for parameter errors). */
  readonly error?: { readonly code: string; readonly param?: string | undefined } | undefined;
  /** A raw response and what the client must parse it into. */
  readonly response?:
    | { readonly format: 'JSON' | 'XML'; readonly body: string; readonly parsed: unknown }
    | undefined;
}

export interface ActionFacts {
  readonly descriptor: ActionDescriptor;
  readonly params: readonly ParamFacts[];
  /** The action's own error codes (the common ones are in the service's table). */
  readonly errors: readonly string[];
  readonly cases: readonly DeclaredCase[];
  readonly validateResponse: Validate;
  /** Component schema of the success body (in `ConformanceFacts.schemas`), the media types the spec
   * gives it, and its JSON examples. */
  readonly response: {
    readonly schema: string;
    readonly mediaTypes: readonly string[];
    readonly examples: readonly unknown[];
  };
  /** The action moves a resource from one state to another (`x-acs-rpc.transition`). */
  readonly transition?: TransitionFacts;
  /** The action's response lists resources with their state (`x-acs-rpc.lists`). */
  readonly lists?: ListsFacts;
  /** Waiters that poll this action until a resource settles (`x-acs-rpc.waiters`). */
  readonly waiters?: readonly WaiterDescriptor[];
}

export interface TransitionFacts {
  readonly resource: string;
  readonly idParam: string;
  readonly from: readonly string[];
  readonly via?: string;
  readonly to: string;
  readonly otherwise: string;
  readonly notFound?: string;
}

export interface ListsFacts {
  readonly resource: string;
  readonly idField: string;
  readonly itemsPath: readonly string[];
  readonly stateField: string;
}

/** A stateful resource of the spec's state model (`x-acs-service.resources`). */
export interface ResourceFacts {
  readonly id: string;
  readonly states: readonly string[];
}

export interface ConformanceFacts {
  readonly service: ServiceDescriptor;
  readonly errorMessages: Readonly<Record<string, string>>;
  readonly validateErrorEnvelope: Validate;
  readonly actions: readonly ActionFacts[];
  readonly resources: Readonly<Record<string, ResourceFacts>>;
  /** Component schemas as JSON Schema 2020-12; a `$ref` ends in `#/$defs/Name`. */
  readonly schemas: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

const documented = new WeakMap<ConformanceFacts, Readonly<Record<string, ErrorDescriptor>>>();

/** Every documented code with its status: the service's common ones, then each action's own (a code
 * several actions document keeps its first entry, as the generator's error-code union does). */
export function documentedErrors(facts: ConformanceFacts): Readonly<Record<string, ErrorDescriptor>> {
  let table = documented.get(facts);
  if (table === undefined) {
    const merged: Record<string, ErrorDescriptor> = { ...facts.service.errors };
    for (const action of facts.actions)
      for (const [code, error] of Object.entries(action.descriptor.errors ?? {}))
        if (!Object.hasOwn(merged, code)) merged[code] = error;
    table = merged;
    documented.set(facts, table);
  }
  return table;
}

export interface Target {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** Values for parameters the suite must fill in, such as RegionId; else the spec's examples. */
  readonly values: Readonly<Record<string, string>>;
}

export interface CheckContext {
  readonly facts: ConformanceFacts;
  readonly target: Target;
  /** The run's seed, for everything random (fuzzing, nonces do not depend on it). */
  readonly seed: number;
  /** Unique to this run: checks that choose their own nonces include it, so no two runs share one. */
  readonly runId: string;
  /** Codes seen in error responses, for the report. */
  readonly codesSeen: Set<string>;
  /** The signatures and tokens of the run's latest requests: a server may echo them back, and no
   * report may show them (bounded: the last few hundred are what a failure can quote). */
  readonly secrets: string[];
  /** Answers several checks of a run share (the unfiltered walk of a list), made once. */
  readonly memo: Map<string, Promise<unknown>>;
  /** Waits between reads of a resource that is changing state; injectable so tests never wait. */
  readonly sleep: (ms: number) => Promise<void>;
}

export interface Check {
  /** Stable id, e.g. `auth.v3.tampered-signature`; `--only` matches it. */
  readonly id: string;
  readonly title: string;
  /** The action its requests carry (named in the id of a per-action check). */
  readonly action: string;
  /** Other actions it calls to find or prepare a resource in the right state. */
  readonly uses?: readonly string[];
  /** Checks of authentication, skipped by `--no-auth-checks`. */
  readonly auth?: boolean;
  /** It changes the server's state (moves a resource): it never runs beside another check. */
  readonly exclusive?: boolean;
  /** It loads fast-check, an optional peer dependency: a run that selects it checks first that it is
   * installed (optional.ts). */
  readonly usesFastCheck?: boolean;
  run(ctx: CheckContext): Promise<void>;
}

/** A check's verdict when the server got it wrong: what was sent and what came back. */
export class CheckFailure extends Error {
  readonly sent: string | undefined;
  readonly received: string | undefined;
  /** The exchange's own signature and token, which its report must hide whatever else the run sent. */
  readonly secrets: readonly string[];

  constructor(
    message: string,
    exchange?: { sent?: string | undefined; received?: string | undefined; secrets?: readonly string[] },
  ) {
    super(message);
    this.sent = exchange?.sent;
    this.received = exchange?.received;
    this.secrets = exchange?.secrets ?? [];
  }
}

/** A check that cannot run against this server as it is: not a pass, not a failure; the reason says why. */
export class CheckSkipped extends Error {}
