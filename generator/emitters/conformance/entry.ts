// The conformance entry (`<package>/conformance`) and the vitest suite over it.
import { type StatementStructures, StructureKind, VariableDeclarationKind } from 'ts-morph';
import type { ServiceModel } from '../../model/types.ts';
import { stringLiteral } from '../literal.ts';
import { serviceNames } from '../naming.ts';

export function mainStatements(model: ServiceModel): StatementStructures[] {
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './cli.js',
      namedImports: ['runConformanceCli'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './facts.js',
      namedImports: ['conformanceFacts'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './checks/cases.js',
      namedImports: ['offlineCaseChecks', { name: 'OfflineCase', isTypeOnly: true }],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './registry.js', namedImports: ['allChecks'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runner.js', namedImports: ['checkContext'] },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './types.js',
      namedImports: ['Check', 'CheckContext'],
    },
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: './facts.js',
      namedExports: ['conformanceFacts'],
    },
    // What runChecks throws when the run selects the fuzz checks and fast-check is not installed.
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: './optional.js',
      namedExports: ['MissingDependencyError'],
    },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './runner.js', namedExports: ['runChecks'] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './types.js', namedExports: ['CheckSkipped'] },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './types.js',
      namedExports: ['Check', 'CheckContext', 'Target'],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      isAsync: true,
      name: 'main',
      docs: [
        `Runs the ${model.product} conformance suite from the command line; resolves to the exit status.`,
      ],
      parameters: [
        { name: 'argv', type: 'readonly string[]' },
        {
          name: 'program',
          type: 'string',
          initializer: stringLiteral(serviceNames(model).conformanceBin),
        },
      ],
      returnType: 'Promise<number>',
      statements: ['return runConformanceCli(argv, conformanceFacts, program);'],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'conformanceChecks',
      docs: ['Every check, in a stable order.'],
      returnType: 'Check[]',
      statements: ['return allChecks(conformanceFacts);'],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'declaredCases',
      docs: [
        "The spec's declared cases, checked offline against this package's serializer, validator and parser.",
      ],
      returnType: 'OfflineCase[]',
      statements: ['return offlineCaseChecks(conformanceFacts);'],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'conformanceContext',
      docs: [
        `A check context from the environment: ACS_RPC_ENDPOINT, ACS_RPC_ACCESS_KEY_ID, ACS_RPC_ACCESS_KEY_SECRET, ACS_RPC_REGION, ACS_RPC_SEED, and ACS_RPC_VALUES (JSON: parameter values by product, \`{"${model.product}":{"Name":"value"}}\`, as \`--value\` gives them; ACS_RPC_REGION wins for RegionId).`,
      ],
      parameters: [
        { name: 'env', type: 'Readonly<Record<string, string | undefined>>', initializer: 'process.env' },
      ],
      returnType: 'CheckContext',
      statements: [
        "const need = (name: string) => env[name] ?? (() => { throw new Error('Set ' + name + ' to run the conformance suite.'); })();",
        'const region = env.ACS_RPC_REGION;',
        "const given = (JSON.parse(env.ACS_RPC_VALUES ?? '{}') as Record<string, Record<string, string> | undefined>)[conformanceFacts.service.product] ?? {};",
        "const target = { endpoint: need('ACS_RPC_ENDPOINT'), accessKeyId: need('ACS_RPC_ACCESS_KEY_ID'), accessKeySecret: need('ACS_RPC_ACCESS_KEY_SECRET'), values: { ...given, ...(region === undefined ? {} : { RegionId: region }) } };",
        "return checkContext(conformanceFacts, target, { seed: Number(env.ACS_RPC_SEED ?? '1') });",
      ],
    },
  ];
}

export function suiteStatements(model: ServiceModel): (string | StatementStructures)[] {
  const npm = serviceNames(model).npmName;
  const hasCases = model.actions.some((a) => a.cases.length > 0);
  return [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: 'vitest', namedImports: ['describe', 'it'] },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: `${npm}/conformance`,
      namedImports: [
        'CheckSkipped',
        'conformanceChecks',
        'conformanceContext',
        ...(hasCases ? ['declaredCases'] : []),
      ],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: 'ctx', initializer: 'conformanceContext()' }],
    },
    // Vitest fails a describe without tests: a spec that declares no case gets no such suite.
    ...(hasCases
      ? [
          `describe(${stringLiteral(`${model.product} ${model.apiVersion} declared cases, offline`)}, () => {\n  for (const c of declaredCases()) it(c.id, () => c.run());\n});`,
        ]
      : []),
    `describe(${stringLiteral(`${model.product} ${model.apiVersion} conformance`)}, () => {\n  for (const check of conformanceChecks())\n    it(check.id, (t) => check.run(ctx).catch((e: unknown) => (e instanceof CheckSkipped ? t.skip(e.message) : Promise.reject(e))), 120_000);\n});`,
  ];
}
