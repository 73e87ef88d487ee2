// The contract between generated code and the runtime: the generator emits these descriptors as
// literals (one ServiceDescriptor, one ActionDescriptor per action); the runtime reads nothing else.

/** Shape of a response value, enough to normalize XML (lists always arrays, numbers numbers). */
export type Shape =
  | { readonly kind: 'string' }
  | { readonly kind: 'integer' }
  /** `format: int64`: a decimal string in responses, so ids beyond 2^53 keep every digit. */
  | { readonly kind: 'int64' }
  | { readonly kind: 'number' }
  | { readonly kind: 'boolean' }
  /** An untyped schema (the metadata's `type: any`): the value is kept as it came. */
  | { readonly kind: 'any' }
  | {
      readonly kind: 'object';
      readonly properties: Readonly<Record<string, Shape>>;
      /** A map (a schema-valued `additionalProperties`): every key not in `properties` is an entry of
       * this shape. */
      readonly additional?: Shape;
    }
  | {
      readonly kind: 'array';
      readonly items: Shape;
      /** Element name of each item in XML (`<InstanceStatus>`), when the items are named. */
      readonly xmlItemName?: string;
    };

/**
 * How a parameter goes on the wire, named as in Alibaba's API metadata (which writes no style for a
 * scalar): `scalar` `Name=value`; `repeatList` an array as `Name.1=a`, items that are objects as
 * `Name.1.Key=…`, recursively; `flat` an object (or array of objects) flattened with dots,
 * `Config.Reason=…`; `json` the value JSON-encoded in one parameter; `simple` an array joined with commas.
 */
export type ParamStyle = 'scalar' | 'repeatList' | 'flat' | 'json' | 'simple';

/** How one API parameter is written on the wire (RPC: query string or form body). */
export interface ParamDescriptor {
  /** Name in the typed request object, e.g. `InstanceId`. */
  readonly name: string;
  readonly style: ParamStyle;
  /** Shape of the value: the order of object properties on the wire, how a server reads wire text. */
  readonly shape: Shape;
  /** `header`: sent as an HTTP header of this name (a scalar; signed under V3), not a parameter. */
  readonly in?: 'header';
}

/** How an action pages: by page number with a total count, or by an opaque token the server hands
 * back (`NextToken`/`MaxResults`) until it hands back none. */
export type PaginationDescriptor = PageNumberPagination | TokenPagination;

interface PaginationBase {
  /** The page-size parameter (`PageSize`, `MaxResults`). */
  readonly pageSizeParam: string;
  /** Path of the item list in the response, e.g. `['InstanceStatuses', 'InstanceStatus']`. */
  readonly itemsPath: readonly string[];
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
}

export interface PageNumberPagination extends PaginationBase {
  readonly style: 'pageNumber';
  readonly pageNumberParam: string;
  /** Path of the total count in the response, e.g. `['TotalCount']`. */
  readonly totalCountPath: readonly string[];
}

export interface TokenPagination extends PaginationBase {
  readonly style: 'token';
  /** The request parameter that carries the token of the page asked for (`NextToken`). */
  readonly tokenParam: string;
  /** Path of the next page's token in the response; absent or empty on the last page. */
  readonly nextTokenPath: readonly string[];
  /** Path of the total count, when the response also gives one. */
  readonly totalCountPath?: readonly string[];
}

/** A validation problem, named by the request parameter (or response field path) it concerns. */
export interface ValidationIssue {
  /** `PageSize`, `InstanceId[3]`, `InstanceStatuses.InstanceStatus[0].Status`; empty for the whole value. */
  readonly path: string;
  readonly message: string;
}

/** A validator compiled at generation time: returns the issues, empty when the value is valid. */
export type Validate = (value: unknown) => readonly ValidationIssue[];

export interface ActionDescriptor {
  /** RPC action name, sent as `Action` (V1) or `x-acs-action` (V3). */
  readonly name: string;
  /** Allowed HTTP methods; the first is the default. */
  readonly methods: readonly ('GET' | 'POST')[];
  /** Wire path: always `/` for RPC. */
  readonly path: string;
  /** Whether a retry may repeat the call. Non-idempotent actions are never retried. */
  readonly idempotent: boolean;
  readonly params: readonly ParamDescriptor[];
  /** XML root element of the success response, e.g. `<Action>Response`. */
  readonly xmlRoot: string;
  readonly responseShape: Shape;
  readonly validateRequest: Validate;
  /** Loaded on first use: response checks are opt-in, so their code stays out of bundles until then. */
  readonly loadResponseValidator: () => Promise<Validate>;
  readonly pagination?: PaginationDescriptor;
  /** The action's own documented codes; the common ones are in the service's table. Kept with the
   * action so a program that makes one call loads one action's table, not the product's. */
  readonly errors?: Readonly<Record<string, ErrorDescriptor>>;
}

/** What the spec says of an answered code: the action's own entry, else the service's common one. */
export function errorDescriptor(
  service: ServiceDescriptor,
  action: ActionDescriptor,
  code: string,
): ErrorDescriptor | undefined {
  if (action.errors !== undefined && Object.hasOwn(action.errors, code)) return action.errors[code];
  return Object.hasOwn(service.errors, code) ? service.errors[code] : undefined;
}

export interface ErrorDescriptor {
  readonly httpStatus: number;
  readonly retryable: boolean;
}

export interface EndpointRules {
  /** Host template for a region, e.g. `<product>.{RegionId}.aliyuncs.com`. */
  readonly regional: string;
  /** The central host, e.g. `<product>.aliyuncs.com`, used when no region is known. */
  readonly central: string;
  /** Regions served by the central host instead of a regional one. */
  readonly centralRegions: readonly string[];
}

/** Protocol decisions pinned in the spec, for servers and conformance checks. */
export interface ProtocolDescriptor {
  readonly timestampWindowSeconds: number;
  readonly defaultFormat: 'JSON' | 'XML';
  /** `Format` is matched case-insensitively; without it, an Accept header naming XML selects XML. */
  readonly formatParameter: string;
  /** The parameter's value is matched in any case (`xml`, `Xml`). */
  readonly caseInsensitive?: boolean;
  readonly acceptHeader: boolean;
}

export interface ServiceDescriptor {
  readonly product: string;
  readonly apiVersion: string;
  readonly endpoints: EndpointRules;
  readonly protocol?: ProtocolDescriptor;
  /** The error codes any action may answer (each action's own are in its descriptor). */
  readonly errors: Readonly<Record<string, ErrorDescriptor>>;
  /** The toolkit's and the package's user-agent tokens (`acs-rpc-kit/0.1.0`, `acs-rpc-<product>/0.1.0`). */
  readonly userAgent?: { readonly toolkit: string; readonly package: string };
}
