// One metadata API → one operation of the spec: its parameters with their wire styles, the response
// schema (a component, with XML names), errors with HTTP status, examples and pagination.
import { PROTOCOL_HEADERS } from '../generator/check/rules/param-header.ts';
import { readDemos } from './examples.ts';
import type { MetaApi, MetaParameter } from './metadata.ts';
import { responseSchemaName } from './names.ts';
import { inferPagination } from './pagination.ts';
import { convertSchema, type Warn } from './schema.ts';
import { withXmlNames } from './xml-names.ts';

type Json = Record<string, unknown>;

export interface ConvertedAction {
  readonly pathItem: Json;
  readonly responseSchema: Json;
}

const STYLES = new Set(['repeatList', 'flat', 'json', 'simple']);
/** operationType values of read-only actions: safe to repeat, so retried. */
const READS = new Set(['get', 'list']);
const COMMON_PARAMETERS = [
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'SecurityToken',
  'Signature',
];

export function convertAction(
  name: string,
  api: MetaApi,
  commonErrors: Readonly<Record<string, { readonly httpStatus: number }>>,
  warn: Warn,
): ConvertedAction {
  const params = unique(api.parameters ?? [], warn).flatMap((p) =>
    convertParameter(p, (m) => warn(`parameter ${p.name}: ${m}`)),
  );
  const inBody = (api.parameters ?? []).some((p) => p.in === 'formData');
  const methods = methodsOf(api, inBody, warn);
  const response = withXmlNames(
    convertSchema(api.responses?.['200']?.schema ?? { type: 'object' }, (m) => warn(`response: ${m}`)),
    responseSchemaName(name),
  );
  const pagination = inferPagination(params, response, warn);
  const operationType = api.systemTags?.operationType;
  const rpc: Json = {
    action: name,
    methods,
    path: '/',
    idempotent: operationType !== undefined && READS.has(operationType),
    ...(pagination === undefined ? {} : { pagination }),
  };
  const errors = convertErrors(api, commonErrors, warn);
  if (Object.keys(errors).length > 0) rpc.errors = errors;
  const description = [api.summary, api.description]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join('\n\n');
  const operation: Json = {
    operationId: name,
    ...(api.title?.trim() ? { summary: api.title.trim() } : {}),
    ...(description === '' ? {} : { description }),
    ...(api.deprecated === true ? { deprecated: true } : {}),
    'x-acs-rpc': rpc,
    parameters: [...COMMON_PARAMETERS.map((p) => ({ $ref: `#/components/parameters/${p}` })), ...params],
    responses: responses(name, api, errorStatuses(errors, commonErrors), warn),
  };
  return { pathItem: { [methods[0] === 'POST' ? 'post' : 'get']: operation }, responseSchema: response };
}

/** Real metadata lists a few parameters twice (in query and in the body); the first is kept. */
function unique(parameters: readonly MetaParameter[], warn: Warn): MetaParameter[] {
  const seen = new Set<string>();
  return parameters.filter((p) => {
    if (!seen.has(p.name)) return seen.add(p.name);
    warn(`parameter ${p.name} is listed twice (in ${p.in} the second time); the first is kept`);
    return false;
  });
}

function convertParameter(p: MetaParameter, warn: Warn): Json[] {
  if (p.in === 'header') return convertHeader(p, warn);
  if (p.in !== 'query' && p.in !== 'formData') {
    warn(`is in "${p.in}", which RPC does not use; left out`);
    return [];
  }
  const schema = convertSchema(p.schema ?? {}, warn);
  const { description, example, deprecated, ...rest } = schema;
  const out: Json = {
    name: p.name,
    in: 'query',
    ...(p.schema?.required === true ? { required: true } : {}),
    ...(deprecated === true ? { deprecated: true } : {}),
    ...(typeof description === 'string' ? { description } : {}),
  };
  if (p.in === 'formData') out['x-acs-in'] = 'formData';
  if (p.style !== undefined) {
    if (STYLES.has(p.style)) out['x-acs-style'] = p.style;
    else warn(`style "${p.style}" is not one the binding knows; sent as a scalar`);
  }
  out.schema = rest;
  const fitted = fitExample(example, rest);
  if (fitted !== undefined) out.example = fitted;
  else if (example !== undefined)
    warn(`example ${JSON.stringify(example)} is not a ${String(rest.type)}; left out`);
  return [out];
}

/** The metadata often gives a list parameter its item's example (`ZoneId: cn-hangzhou-h`) and a
 * structured one its JSON text: the example in the parameter's own structure, or none when it has
 * another (a scalar for a list of objects). */
function fitExample(example: unknown, schema: Json): unknown {
  if (example === undefined) return undefined;
  const parsed = typeof example === 'string' && /^\s*[[{]/.test(example) ? parseOrSelf(example) : example;
  if (schema.type === 'array') {
    const items = (schema.items ?? {}) as Json;
    const fitted = (Array.isArray(parsed) ? parsed : [parsed]).map((item) => fitExample(item, items));
    return fitted.some((item) => item === undefined) ? undefined : fitted;
  }
  if (schema.type === 'object')
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : undefined;
  // Whether the value meets the schema's type and constraints (`PageSize: 1` under `minimum: 10`, a
  // masked `1****`) the generator's example check decides; import-metadata.ts leaves out what it refutes.
  return example;
}

function parseOrSelf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `in: header`: one scalar header (spec/README.md, parameters). A header the client sets itself
 * (the catalogue's three are all `Content-Type`, which RPC's form body fixes) cannot be mapped. */
function convertHeader(p: MetaParameter, warn: Warn): Json[] {
  if (PROTOCOL_HEADERS.has(p.name.toLowerCase())) {
    warn(
      `is the header ${p.name}, which the client sets itself (from the body's encoding and the signature); left out`,
    );
    return [];
  }
  const schema = convertSchema(p.schema ?? {}, warn);
  const { description, example, deprecated, ...rest } = schema;
  if (!(typeof rest.type === 'string' && ['string', 'integer', 'number', 'boolean'].includes(rest.type))) {
    warn(`is a header whose schema is not a scalar; left out`);
    return [];
  }
  if (p.style !== undefined) warn(`is a header, one value: its style "${p.style}" is dropped`);
  return [
    {
      name: p.name,
      in: 'header',
      ...(p.schema?.required === true ? { required: true } : {}),
      ...(deprecated === true ? { deprecated: true } : {}),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
      ...(example === undefined ? {} : { example }),
    },
  ];
}

function methodsOf(api: MetaApi, inBody: boolean, warn: Warn): string[] {
  const methods = (api.methods ?? ['post'])
    .map((m) => m.toUpperCase())
    .filter((m): m is 'GET' | 'POST' => m === 'GET' || m === 'POST');
  if (methods.length === 0) {
    warn(`methods ${JSON.stringify(api.methods)} name neither GET nor POST; POST assumed`);
    return ['POST'];
  }
  // Parameters that live in the form body need POST, so it comes first.
  return inBody ? ['POST', ...methods.filter((m) => m !== 'POST')] : methods;
}

function convertErrors(
  api: MetaApi,
  common: Readonly<Record<string, { readonly httpStatus: number }>>,
  warn: Warn,
): Json {
  const errors: Json = {};
  const statuses = Object.keys(api.errorCodes ?? {}).sort();
  for (const status of statuses) {
    const httpStatus = Number(status);
    for (const e of api.errorCodes?.[status] ?? []) {
      const code = e.errorCode.trim();
      if (code !== e.errorCode)
        warn(`error code ${JSON.stringify(e.errorCode)} has surrounding white space; trimmed`);
      if (!/^[A-Za-z][\w-]*(\.[\w-]+)*$/.test(code)) {
        // Real metadata holds templates (`IllegalParam.%s`) and bare statuses (`404`) here.
        warn(`error code ${JSON.stringify(code)} is not an error code (a template or a status?); left out`);
        continue;
      }
      if (!Number.isInteger(httpStatus) || httpStatus < 400 || httpStatus > 599) {
        warn(`error ${code} has HTTP status "${status}", not 4xx/5xx; left out`);
        continue;
      }
      const known = common[code] ?? (errors[code] as { httpStatus: number } | undefined);
      if (known !== undefined) {
        if (known.httpStatus !== httpStatus) {
          warn(
            `error ${code} is listed with status ${httpStatus} but is ${known.httpStatus} already; the first is kept`,
          );
        }
        continue;
      }
      errors[code] = {
        httpStatus,
        message: (e.errorMessage ?? e.description ?? code).trim() || code,
        ...(code.startsWith('Throttling') ? { retryable: true } : {}),
      };
    }
  }
  return errors;
}

function errorStatuses(
  errors: Json,
  common: Readonly<Record<string, { readonly httpStatus: number }>>,
): number[] {
  const all = [...Object.values(common), ...(Object.values(errors) as { httpStatus: number }[])];
  return [...new Set(all.map((e) => e.httpStatus))].sort((a, b) => a - b);
}

function responses(name: string, api: MetaApi, statuses: readonly number[], warn: Warn): Json {
  const demos = readDemos(api.responseDemo, warn);
  const ref = { $ref: `#/components/schemas/${responseSchemaName(name)}` };
  const json: Json = { schema: ref };
  if (demos.json !== undefined)
    json.examples = { metadata: { summary: 'From the metadata (responseDemo).', value: demos.json } };
  const xml: Json = { schema: ref };
  if (demos.xml !== undefined)
    xml.examples = { metadata: { summary: 'From the metadata (responseDemo).', value: demos.xml } };
  return {
    '200': { description: 'Success.', content: { 'application/json': json, 'application/xml': xml } },
    ...Object.fromEntries(statuses.map((s) => [String(s), { $ref: '#/components/responses/Error' }])),
  };
}
