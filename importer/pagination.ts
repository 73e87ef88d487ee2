// Pagination inferred from the metadata: NextToken/MaxResults with a NextToken and exactly one list in
// the response (token style; preferred where an action takes both, as Alibaba recommends), or
// PageNumber/PageSize with a TotalCount and exactly one list. Anything else that looks paged is
// reported, so a person can pin it in the curated spec.
import type { Warn } from './schema.ts';

type Json = Record<string, unknown>;

export function inferPagination(params: readonly Json[], response: Json, warn: Warn): Json | undefined {
  const names = new Set(params.map((p) => String(p.name)));
  const sizeParam = ['MaxResults', 'MaxResult'].find((name) => names.has(name));
  const token = names.has('NextToken') && sizeParam !== undefined;
  const numbered = names.has('PageNumber') && names.has('PageSize');
  if (token) {
    if (numbered)
      warn(
        'takes both NextToken/MaxResults and PageNumber/PageSize; token pagination is declared (pin pageNumber in the curated spec to change)',
      );
    return tokenPagination(params, response, sizeParam, warn);
  }
  if (!numbered) return undefined;
  const untyped = ['PageNumber', 'PageSize'].filter((name) => !plainInteger(paramSchema(params, name)));
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
  const items = onlyList(response, 'PageNumber/PageSize', warn);
  if (items === undefined) return undefined;
  return {
    style: 'pageNumber',
    pageNumber: 'PageNumber',
    pageSize: 'PageSize',
    totalCount: 'TotalCount',
    items,
  };
}

function tokenPagination(
  params: readonly Json[],
  response: Json,
  sizeParam: string,
  warn: Warn,
): Json | undefined {
  const properties = (response.properties ?? {}) as Record<string, Json>;
  if (paramSchema(params, 'NextToken')?.type !== 'string' || !plainInteger(paramSchema(params, sizeParam))) {
    warn(
      `has NextToken/${sizeParam} but not as a string and a plain integer (int32); no pagination declared`,
    );
    return undefined;
  }
  if (properties.NextToken?.type !== 'string') {
    warn(`has NextToken/${sizeParam} but no string NextToken in its response; no pagination declared`);
    return undefined;
  }
  const items = onlyList(response, `NextToken/${sizeParam}`, warn);
  if (items === undefined) return undefined;
  return {
    style: 'token',
    token: 'NextToken',
    pageSize: sizeParam,
    nextToken: 'NextToken',
    ...(plainInteger(properties.TotalCount) ? { totalCount: 'TotalCount' } : {}),
    items,
  };
}

/** The dotted path of the response's one list; a warning when there are none or several. */
function onlyList(response: Json, paging: string, warn: Warn): string | undefined {
  const lists = arrayPaths(response, []);
  if (lists.length === 1) return lists[0];
  warn(
    `has ${paging} but ${lists.length === 0 ? 'no list' : `${lists.length} lists (${lists.join(', ')})`} ` +
      'in its response; no pagination declared (pin one in an overlay)',
  );
  return undefined;
}

function paramSchema(params: readonly Json[], name: string): Json | undefined {
  return params.find((p) => p.name === name)?.schema as Json | undefined;
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
