// openapi-typescript's types for the document built from the model, through its transform alone.
// `openapiTS()` first lints the document with Redocly and bundles it (two walks of the whole document,
// ≈ 40 % of its time on a large spec); the document here is the model's, already checked, with only
// internal `$ref`s, so the bundle is the document itself and the lint has nothing left to find.
// What `openapiTS()` would pass for no options is given as the context; generation's byte-identity
// check (bench/generation-identical.ts) and the types snapshots hold the output to `openapiTS()`'s.
import {
  astToString,
  type GlobalContext,
  type OpenAPI3,
  resolveRef,
  scanDiscriminators,
  transformSchema,
} from 'openapi-typescript';

export function openapiTypes(document: OpenAPI3): string {
  return astToString(transformSchema(document, transformContext(document)));
}

/** openapiTS()'s context for `{ silent: true }` (openapi-typescript 7.13, pinned). */
function transformContext(document: OpenAPI3): GlobalContext {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(document, { silent: true }),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Read by the lint and bundle only, which are not run.
    redoc: undefined as unknown as GlobalContext['redoc'],
    silent: true,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: <T>($ref: string) => resolveRef<T>(document, $ref, { silent: true }),
  };
}
