// Pagination binding → model, checked against the parameters and the response schema it names.
import { joinPointer } from '../load/pointer.ts';
import { componentName } from './json-schema.ts';
import { deref } from './shape.ts';
import type { PaginationModel, ParamModel } from './types.ts';

type Raw = Record<string, unknown>;
type Report = (pointer: string, message: string) => void;

export function buildPagination(
  root: unknown,
  binding: Raw | undefined,
  params: readonly ParamModel[],
  responseSchema: unknown,
  pointer: string,
  report: Report,
): PaginationModel | undefined {
  if (binding === undefined) return undefined;
  const at = (field: string) => joinPointer(pointer, field);
  const pageSize = integerParam(params, String(binding.pageSize), at('pageSize'), report);
  const itemsPath = String(binding.items).split('.');
  const items = walk(root, responseSchema, itemsPath);
  if (items?.type !== 'array')
    report(at('items'), `"${binding.items}" is not an array field of the response.`);
  const itemRef = (items?.items as Raw | undefined)?.$ref;
  const totalCount = (): string[] => {
    const path = String(binding.totalCount).split('.');
    if (walk(root, responseSchema, path)?.type !== 'integer')
      report(at('totalCount'), `"${binding.totalCount}" is not an integer field of the response.`);
    return path;
  };
  const common = {
    pageSizeParam: String(binding.pageSize),
    itemsPath,
    defaultPageSize: typeof pageSize?.default === 'number' ? pageSize.default : 10,
    maxPageSize: typeof pageSize?.maximum === 'number' ? pageSize.maximum : 100,
    itemSchema: typeof itemRef === 'string' ? componentName(itemRef) : undefined,
  };
  if (binding.style === 'token') {
    const tokenParam = String(binding.token);
    const param = params.find((p) => p.name === tokenParam);
    if (param === undefined || param.schema.type !== 'string' || param.required)
      report(
        at('token'),
        `Pagination names "${tokenParam}", which is not an optional string parameter of the action.`,
      );
    const nextTokenPath = String(binding.nextToken).split('.');
    if (walk(root, responseSchema, nextTokenPath)?.type !== 'string')
      report(at('nextToken'), `"${binding.nextToken}" is not a string field of the response.`);
    const totalCountPath = binding.totalCount === undefined ? undefined : totalCount();
    return {
      style: 'token',
      tokenParam,
      nextTokenPath,
      ...(totalCountPath && { totalCountPath }),
      ...common,
    };
  }
  integerParam(params, String(binding.pageNumber), at('pageNumber'), report);
  const totalCountPath = totalCount();
  return { style: 'pageNumber', pageNumberParam: String(binding.pageNumber), totalCountPath, ...common };
}

function integerParam(
  params: readonly ParamModel[],
  name: string,
  pointer: string,
  report: Report,
): Raw | undefined {
  const param = params.find((p) => p.name === name);
  if (param === undefined || param.schema.type !== 'integer') {
    report(pointer, `Pagination names "${name}", which is not an integer parameter of the action.`);
    return undefined;
  }
  return param.schema;
}

function walk(root: unknown, schema: unknown, path: readonly string[]): Raw | undefined {
  let current: Raw | undefined = deref(root, schema);
  for (const segment of path) {
    const props = current?.properties as Raw | undefined;
    current = props?.[segment] === undefined ? undefined : deref(root, props[segment]);
  }
  return current;
}
