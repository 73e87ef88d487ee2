// `acs-rpc import`: Alibaba's API metadata (api-docs.json) → a spec in our format (OpenAPI 3.1 + the RPC
// binding), deterministic and readable. What cannot be mapped is a warning naming the action and the
// parameter; the result is checked by the generator's own stages before it is returned.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { checkSpec } from '../generator/check/check-spec.ts';
import { parseSpecText } from '../generator/load/load-spec.ts';
import { joinPointer, splitPointer } from '../generator/load/pointer.ts';
import { buildModel } from '../generator/model/build-model.ts';
import { checkExamples } from '../generator/model/check-examples.ts';
import { readXmlExample } from '../generator/model/xml-example.ts';
import {
  createReporter,
  type Diagnostic,
  hasErrors,
  sortDiagnostics,
} from '../generator/shared/diagnostic.ts';
import { convertAction } from './action.ts';
import type { MetaDocument } from './metadata.ts';
import { convertSchema } from './schema.ts';
import { serviceFields } from './service.ts';

type Json = Record<string, unknown>;

export interface ImportResult {
  /** The spec as YAML text; undefined when the metadata could not be read at all. */
  readonly text?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** `file` is named in diagnostics; `outFile` is the spec's own name, used when checking it. */
export async function importMetadata(file: string, outFile: string): Promise<ImportResult> {
  const loaded = parseSpecText(file, await readFile(file, 'utf8'));
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  const { report, diagnostics } = createReporter(loaded.spec);
  const meta = loaded.spec.value as MetaDocument;
  if (meta.info?.style !== undefined && meta.info.style !== 'RPC') {
    report(
      'import.style',
      '/info/style',
      `Only RPC products can be imported; this one is ${meta.info.style}.`,
    );
    return { diagnostics };
  }
  const document = await buildDocument(meta, (pointer, message) =>
    report('import.unmapped', pointer, message, 'warning'),
  );
  let text = toYaml(document);
  const checked = await checkText(outFile, text);
  // Examples the metadata gets wrong (a field of the wrong type, a missing required one) are left
  // out, each named; anything else the check finds is a defect of the importer, shown as it is.
  const badExamples = checked.filter((d) => d.code === 'example.invalid');
  for (const d of badExamples) {
    removePointer(document, d.pointer.replace(/\/value$/, ''));
    report('import.example', '', `${d.message} Left out of ${outFile}.`, 'warning');
  }
  if (badExamples.length > 0) text = toYaml(document);
  const remaining = badExamples.length > 0 ? await checkText(outFile, text) : checked;
  return { text, diagnostics: sortDiagnostics([...diagnostics, ...remaining]) };
}

async function buildDocument(
  meta: MetaDocument,
  warnAt: (pointer: string, message: string) => void,
): Promise<Json> {
  const protocol = parse(await readFile(join(import.meta.dirname, 'protocol.yaml'), 'utf8')) as {
    'x-acs-service': Json & { errors: Record<string, { httpStatus: number }> };
    components: Json & { schemas: Json };
  };
  const product = meta.info?.product ?? 'Unknown';
  const version = meta.info?.version ?? '';
  const service = { ...serviceFields(meta, (m) => warnAt('/endpoints', m)), ...protocol['x-acs-service'] };
  const schemas: Json = { ...protocol.components.schemas };
  for (const [name, schema] of Object.entries(meta.components?.schemas ?? {})) {
    schemas[name] = convertSchema(schema, (m) => warnAt(joinPointer('/components/schemas', name), m));
  }
  const paths: Json = {};
  for (const [name, api] of Object.entries(meta.apis ?? {})) {
    const converted = convertAction(name, api, protocol['x-acs-service'].errors, (m) =>
      warnAt(joinPointer('/apis', name), `${name}: ${m}`),
    );
    paths[`/${name}`] = converted.pathItem;
    schemas[`${name}Response`] = converted.responseSchema;
  }
  settleStatuses(paths, protocol['x-acs-service'].errors, warnAt);
  return {
    openapi: '3.1.0',
    info: {
      title: `${product} RPC API`,
      version,
      description: `Imported from Alibaba Cloud's API metadata for ${product} ${version} by \`acs-rpc import\`.`,
    },
    'x-acs-service': service,
    security: [{ AcsSignatureV3: [] }, { AcsSignatureV1: [] }],
    paths,
    components: { ...protocol.components, schemas },
  };
}

/**
 * One code, one status (spec/README.md, "Error codes"): real metadata gives some codes another status
 * in another action (VPC's InvalidRegionId.NotFound is 404 in most, 400 in a few). The first status
 * seen — the protocol's, else the first action's in metadata order — is kept, and each change said.
 */
function settleStatuses(
  paths: Json,
  common: Readonly<Record<string, { readonly httpStatus: number }>>,
  warnAt: (pointer: string, message: string) => void,
): void {
  const first = new Map<string, { status: number; action: string }>(
    Object.entries(common).map(([code, e]) => [code, { status: e.httpStatus, action: 'the protocol' }]),
  );
  for (const item of Object.values(paths) as Json[]) {
    for (const operation of Object.values(item) as Json[]) {
      const rpc = operation['x-acs-rpc'] as Json;
      const action = String(rpc.action);
      for (const [code, entry] of Object.entries((rpc.errors ?? {}) as Record<string, Json>)) {
        const status = Number(entry.httpStatus);
        const seen = first.get(code);
        if (seen === undefined) first.set(code, { status, action });
        else if (seen.status !== status) {
          entry.httpStatus = seen.status;
          warnAt(
            joinPointer('/apis', action),
            `${action}: error ${code} is HTTP ${status} here but ${seen.status} in ${seen.action}; ${seen.status} is kept`,
          );
        }
      }
    }
  }
}

/** The generator's check, model and example stages over the spec text, as `generate` would run them. */
async function checkText(file: string, text: string): Promise<readonly Diagnostic[]> {
  const loaded = parseSpecText(file, text);
  if (!loaded.ok) return loaded.diagnostics;
  const checked = await checkSpec(loaded.spec);
  if (hasErrors(checked)) return checked;
  const { model, diagnostics } = buildModel(loaded.spec, file);
  if (hasErrors(diagnostics)) return [...checked, ...diagnostics];
  const examples = await checkExamples(loaded.spec, model, readXmlExample);
  return [...checked, ...diagnostics, ...examples];
}

export function toYaml(document: Json): string {
  return stringify(document, { lineWidth: 110, aliasDuplicateObjects: false });
}

function removePointer(document: Json, pointer: string): void {
  const parts = splitPointer(pointer);
  const parents: Json[] = [];
  let node: unknown = document;
  for (const part of parts.slice(0, -1)) {
    parents.push(node as Json);
    node = (node as Json | undefined)?.[part];
  }
  if (node === null || typeof node !== 'object') return;
  delete (node as Json)[parts.at(-1) ?? ''];
  // An `examples` map left empty goes too: OpenAPI wants at least one entry there.
  if (parts.at(-2) === 'examples' && Object.keys(node).length === 0) delete parents.at(-1)?.examples;
}
