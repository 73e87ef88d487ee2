// Pagination inferred from the metadata: PageNumber/PageSize parameters with a TotalCount and exactly
// one list in the response. Anything else that looks paged is reported, so a person can pin it.
import type { Warn } from './schema.ts';

type Json = Record<string, unknown>;

export function inferPagination(params: readonly Json[], response: Json, warn: Warn): Json | undefined {
  const names = new Set(params.map((p) => String(p.name)));
  if (names.has('NextToken') && (names.has('MaxResults') || names.has('MaxResult'))) {
    warn(
      'looks token-paged (NextToken/MaxResults); token pagination is not in the binding yet, so none is declared',
    );
    return undefined;
  }
  if (!names.has('PageNumber') || !names.has('PageSize')) return undefined;
  const untyped = ['PageNumber', 'PageSize'].filter(
    (name) => !plainInteger(params.find((p) => p.name === name)?.schema as Json | undefined),
  );
  if (untyped.length > 0) {
    warn(
      `has ${untyped.join(' and ')} typed as other than a plain integer (int32); no pagination declared (pin one in an overlay)`,
    );
    return undefined;
  }
  const properties = (response.properties ?? {}) as Record<string, Json>;
  if (!plainInteger(properties.TotalCount)) {
    warn('has PageNumber/PageSize but no integer TotalCount in its response; no pagination declared');
    return undefined;
  }
  const lists = arrayPaths(response, []);
  if (lists.length !== 1) {
    warn(
      `has PageNumber/PageSize but ${lists.length === 0 ? 'no list' : `${lists.length} lists (${lists.join(', ')})`} ` +
        'in its response; no pagination declared (pin one in an overlay)',
    );
    return undefined;
  }
  return {
    style: 'pageNumber',
    pageNumber: 'PageNumber',
    pageSize: 'PageSize',
    totalCount: 'TotalCount',
    items: lists[0],
  };
}

function arrayPaths(schema: Json, at: readonly string[]): string[] {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  return Object.entries(properties).flatMap(([key, property]) =>
    property.type === 'array' ? [[...at, key].join('.')] : arrayPaths(property, [...at, key]),
  );
}

/** An integer the binding reads as a number: not int64, whose values are decimal strings. */
function plainInteger(schema: Json | undefined): boolean {
  return schema?.type === 'integer' && schema.format !== 'int64';
}
