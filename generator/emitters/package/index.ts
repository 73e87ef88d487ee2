// Package emitter: package.json and README (handlebars: prose and JSON-like text), tsconfig, index.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { ServiceModel } from '../../model/types.ts';
import type { EmitContext, Emitter, GeneratedFile } from '../contract.ts';
import { headerLines } from '../header.ts';
import { RUNTIME_PACKAGE, serviceNames, waiterNames } from '../naming.ts';
import { renderTs } from '../ts-file.ts';
import { indexStatements } from './index-file.ts';
import { readmeExamples } from './readme-examples.ts';
import { licenseFile, NODE_ENGINES } from './terms.ts';
import { packageTsconfig } from './tsconfig.ts';

export const packageEmitter: Emitter = {
  name: 'package',
  async emit(ctx) {
    const data = await templateData(ctx);
    return [
      await render(ctx, 'package.json.hbs', 'package.json', data),
      await render(ctx, 'README.md.hbs', 'README.md', data),
      await licenseFile(ctx.rootDir),
      { path: 'tsconfig.json', content: packageTsconfig(ctx.model) },
      renderTs(ctx.model, 'src/index.ts', indexStatements(ctx.model)),
    ];
  },
};

async function render(
  ctx: EmitContext,
  template: string,
  path: string,
  data: object,
): Promise<GeneratedFile> {
  const source = await readFile(join(ctx.rootDir, 'templates', 'package', template), 'utf8');
  const compiled = Handlebars.compile(source, { noEscape: true, strict: true });
  return { path, content: compiled(data) };
}

async function templateData(ctx: EmitContext): Promise<object> {
  const model: ServiceModel = ctx.model;
  const root = JSON.parse(await readFile(join(ctx.rootDir, 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };
  const names = serviceNames(model);
  const jsonText = (s: string) => JSON.stringify(s).slice(1, -1);
  return {
    header: jsonText(headerLines(model).join(' ')),
    npmName: names.npmName,
    version: root.version,
    description: jsonText(`Typed client, validators and types for ${model.title} ${model.apiVersion}.`),
    runtimePackage: RUNTIME_PACKAGE,
    // The runtime made by the same toolkit, exactly: its modules are the package's contract. A version,
    // not a `file:` path, so the package installs from a registry or a tarball; npm workspaces (and
    // the link `generate` makes) resolve it to the runtime folder beside the package.
    runtimeVersion: root.version,
    nodeEngines: NODE_ENGINES,
    fastCheckRange: `^${root.dependencies['fast-check']}`,
    binName: names.conformanceBin,
    title: model.title,
    apiVersion: model.apiVersion,
    specFile: model.specFile,
    examples: readmeExamples(model),
    errorCodeType: names.errorCodeType,
    actions: model.actions.map((a) => ({
      name: a.name,
      methods: a.methods.join(', '),
      idempotent: a.idempotent ? 'yes' : 'no',
      paginated: a.pagination === undefined ? 'no' : 'yes',
    })),
    waiters: model.actions.flatMap((a) =>
      a.waiters.map((w) => ({
        method: waiterNames(w).method,
        action: a.name,
        description: w.description ?? '',
      })),
    ),
    errors: [...model.commonErrors, ...model.actions.flatMap((a) => a.errors)].map((e) => ({
      code: e.code,
      httpStatus: e.httpStatus,
      retryable: e.retryable ? 'yes' : 'no',
    })),
  };
}
