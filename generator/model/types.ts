// The normalized model: everything emitters may know about a service. Emitters read only this.

export type JsonSchema = Readonly<Record<string, unknown>>;

export type ShapeModel =
  | { readonly kind: 'string' | 'integer' | 'int64' | 'number' | 'boolean' | 'any' }
  | {
      readonly kind: 'object';
      readonly properties: Readonly<Record<string, ShapeModel>>;
      /** A schema-valued `additionalProperties`: every other key is a map entry of this shape. */
      readonly additional?: ShapeModel;
    }
  | { readonly kind: 'array'; readonly items: ShapeModel; readonly xmlItemName?: string };

export interface ErrorModel {
  readonly code: string;
  readonly httpStatus: number;
  readonly message: string;
  readonly retryable: boolean;
}

/** Wire style of a parameter, named as in Alibaba's API metadata; `scalar` is the spec's absent style. */
export type ParamStyle = 'scalar' | 'repeatList' | 'flat' | 'json' | 'simple';

export interface ParamModel {
  readonly name: string;
  /** `query`: a wire parameter (query string or form body); `header`: an HTTP header (`in: header`). */
  readonly in: 'query' | 'header';
  readonly style: ParamStyle;
  /** Shape of the value: property order on the wire, how a server reads wire text. */
  readonly shape: ShapeModel;
  readonly required: boolean;
  readonly deprecated: boolean;
  readonly description: string | undefined;
  /** JSON Schema of the value in the typed request (an array for repeat lists). */
  readonly schema: JsonSchema;
  /** The spec's example value, if any. */
  readonly example: unknown;
  /** Where the example stands in the spec (checked against the request validator). */
  readonly examplePointer: string;
}

/** The binding's pagination, checked: the runtime's descriptor plus the item type. */
export type PaginationModel = (
  | {
      readonly style: 'pageNumber';
      readonly pageNumberParam: string;
      readonly totalCountPath: readonly string[];
    }
  | {
      readonly style: 'token';
      readonly tokenParam: string;
      readonly nextTokenPath: readonly string[];
      readonly totalCountPath?: readonly string[];
    }
) & {
  readonly pageSizeParam: string;
  readonly itemsPath: readonly string[];
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  /** Component schema name of one item, e.g. `InstanceStatus`. */
  readonly itemSchema: string | undefined;
};

export interface ExampleModel {
  readonly name: string;
  readonly mediaType: 'json' | 'xml';
  readonly value: unknown;
  /** Component schema the example must match. */
  readonly schemaName: string;
  readonly xmlRoot: string;
  readonly shape: ShapeModel;
  readonly pointer: string;
}

/** A case declared in the spec (`x-acs-rpc.cases`): run offline against the client, online against servers. */
export interface CaseModel {
  readonly id: string;
  readonly description: string | undefined;
  readonly request: Readonly<Record<string, unknown>>;
  readonly wire: readonly (readonly [string, string])[] | undefined;
  readonly error: { readonly code: string; readonly param: string | undefined } | undefined;
  readonly response:
    | { readonly format: 'JSON' | 'XML'; readonly body: string; readonly parsed: unknown }
    | undefined;
}

/** A stateful resource the reference server models (`x-acs-service.resources`). */
export interface ResourceModel {
  readonly name: string;
  /** The id parameter of actions on it, and the id field of listed items. */
  readonly id: string;
  readonly states: readonly string[];
}

/** `x-acs-rpc.transition`: the action moves one resource, named by its id parameter, between states. */
export interface TransitionModel {
  readonly resource: string;
  readonly idParam: string;
  readonly from: readonly string[];
  readonly via: string | undefined;
  readonly to: string;
  readonly otherwise: string;
  readonly notFound: string | undefined;
}

/** `x-acs-rpc.lists`: the action's response lists resources at `itemsPath`, the state in `stateField`. */
export interface ListsModel {
  readonly resource: string;
  readonly idField: string;
  readonly itemsPath: readonly string[];
  readonly stateField: string;
}

export interface ActionModel {
  readonly name: string;
  readonly pointer: string;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly deprecated: boolean;
  readonly methods: readonly ('GET' | 'POST')[];
  readonly path: string;
  readonly idempotent: boolean;
  readonly params: readonly ParamModel[];
  /** Component schema name of the success body, e.g. `<Action>Response`. */
  readonly responseSchema: string;
  /** The 200 response's media types as the spec lists them (`application/json`, `application/xml`). */
  readonly mediaTypes: readonly string[];
  readonly xmlRoot: string;
  readonly responseShape: ShapeModel;
  readonly errors: readonly ErrorModel[];
  readonly pagination: PaginationModel | undefined;
  readonly examples: readonly ExampleModel[];
  readonly cases: readonly CaseModel[];
  readonly transition: TransitionModel | undefined;
  readonly lists: ListsModel | undefined;
  readonly waiters: readonly WaiterModel[];
}

export interface ServiceModel {
  /** The spec path relative to the project root, as named in generated headers. */
  readonly specFile: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly product: string;
  readonly packageName: string;
  readonly clientName: string;
  readonly apiVersion: string;
  readonly endpoints: {
    readonly regional: string;
    readonly central: string;
    readonly centralRegions: readonly string[];
  };
  readonly signature: {
    readonly default: 'ACS3-HMAC-SHA256' | 'HMAC-SHA1';
    readonly supported: readonly string[];
    readonly timestampWindowSeconds: number;
  };
  readonly responseFormat: {
    readonly default: 'JSON' | 'XML';
    readonly parameter: string;
    readonly caseInsensitive: boolean;
    readonly acceptHeader: boolean;
  };
  readonly commonErrors: readonly ErrorModel[];
  /** Component schema of the error envelope (`RequestId, HostId, Code, Message, Recommend`);
   * undefined when the spec declares no error response (the common envelope is checked then). */
  readonly errorSchema: string | undefined;
  readonly actions: readonly ActionModel[];
  readonly resources: readonly ResourceModel[];
  /** Component schemas as plain JSON Schema (2020-12), refs rewritten to `defs#/$defs/Name`. */
  readonly schemaDefs: Readonly<Record<string, JsonSchema>>;
  /** Descriptions of component schemas, for doc comments. */
  readonly schemaDescriptions: Readonly<Record<string, string | undefined>>;
}

export type MatcherModel =
  | {
      readonly path: string;
      readonly comparator: 'stringEquals' | 'booleanEquals' | 'allStringEquals' | 'anyStringEquals';
      readonly expected: string;
    }
  | { readonly errorType: string }
  | { readonly success: boolean };

/** `x-acs-rpc.waiters`: poll this action until an acceptor decides (Smithy's waiters). */
export interface WaiterModel {
  readonly name: string;
  readonly description: string | undefined;
  /** Seconds; Smithy's defaults 2 and 120. */
  readonly minDelay: number;
  readonly maxDelay: number;
  readonly acceptors: readonly {
    readonly state: 'success' | 'failure' | 'retry';
    readonly matcher: MatcherModel;
  }[];
}
