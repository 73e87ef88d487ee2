// The shape of Alibaba Cloud's API metadata (`api-docs.json`), as far as the importer reads it.
// Facts about the format: shared/openmeta/README.md in the workplace; every field is optional here
// because real files omit many of them, and the importer reports what it needs and does not find.

export interface MetaSchema {
  readonly type?: string;
  readonly format?: string;
  readonly description?: string;
  readonly title?: string;
  /** On the schema itself, not beside it, unlike OpenAPI. */
  readonly required?: boolean | readonly string[];
  readonly docRequired?: boolean;
  readonly example?: unknown;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly enumValueTitles?: Readonly<Record<string, string>>;
  readonly pattern?: string;
  /** Numbers are often written as strings: "1", "50". */
  readonly minimum?: number | string;
  readonly maximum?: number | string;
  readonly exclusiveMinimum?: boolean | number | string;
  readonly exclusiveMaximum?: boolean | number | string;
  readonly minLength?: number | string;
  readonly maxLength?: number | string;
  readonly minItems?: number | string;
  readonly maxItems?: number | string;
  readonly items?: MetaSchema;
  readonly properties?: Readonly<Record<string, MetaSchema>>;
  readonly additionalProperties?: boolean | MetaSchema;
  readonly $ref?: string;
  readonly deprecated?: boolean;
}

export interface MetaParameter {
  readonly name: string;
  readonly in: 'query' | 'formData' | 'header' | string;
  readonly style?: 'repeatList' | 'flat' | 'json' | 'simple' | string;
  readonly schema?: MetaSchema;
  readonly allowEmptyValue?: boolean;
}

export interface MetaErrorCode {
  readonly errorCode: string;
  readonly errorMessage?: string;
  readonly description?: string;
}

export interface MetaApi {
  readonly methods?: readonly string[];
  readonly deprecated?: boolean;
  readonly title?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly parameters?: readonly MetaParameter[];
  readonly responses?: Readonly<Record<string, { readonly schema?: MetaSchema }>>;
  readonly errorCodes?: Readonly<Record<string, readonly MetaErrorCode[]>>;
  /** A JSON string: `[{ type: 'json' | 'xml', example: string, errorExample?: string }]`. */
  readonly responseDemo?: string;
  readonly systemTags?: { readonly operationType?: string };
}

export interface MetaDocument {
  readonly version?: string;
  readonly info?: { readonly style?: string; readonly product?: string; readonly version?: string };
  readonly components?: { readonly schemas?: Readonly<Record<string, MetaSchema>> };
  readonly apis?: Readonly<Record<string, MetaApi>>;
  readonly endpoints?: readonly { readonly regionId: string; readonly endpoint: string }[];
}
