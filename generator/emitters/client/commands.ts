// The modular client: one command class per action, and a bare client that only sends commands, so a
// bundle holds the actions a program sends and nothing of the others (AWS SDK v3's `client.send(new
// XCommand(input))`).
import {
  type ClassDeclarationStructure,
  type GetAccessorDeclarationStructure,
  type OptionalKind,
  type StatementStructures,
  StructureKind,
} from 'ts-morph';
import type { ActionModel, ServiceModel } from '../../model/types.ts';
import { actionNames, runtimeModule, serviceNames } from '../naming.ts';

export function commandStatements(model: ServiceModel): StatementStructures[] {
  const types = model.actions.flatMap((a) => [actionNames(a).requestType, actionNames(a).responseType]);
  return [
    importFrom(runtimeModule('client'), [], ['Command']),
    importFrom(runtimeModule('descriptors'), [], ['ActionDescriptor']),
    importFrom(
      './service.js',
      model.actions.map((a) => actionNames(a).descriptor),
      [],
    ),
    importFrom('./types.js', [], [...new Set(types)]),
    ...model.actions.map(commandClass),
  ];
}

function commandClass(action: ActionModel): ClassDeclarationStructure {
  const n = actionNames(action);
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: n.command,
    implements: [`Command<${n.requestType}, ${n.responseType}>`],
    docs: [`${action.name}, for \`send\`${action.summary === undefined ? '.' : `: ${action.summary}`}`],
    properties: [
      { name: 'action', isReadonly: true, type: 'ActionDescriptor', initializer: n.descriptor },
      { name: 'input', isReadonly: true, type: n.requestType },
      {
        name: 'responseType',
        isReadonly: true,
        hasDeclareKeyword: true,
        hasQuestionToken: true,
        type: n.responseType,
      },
    ],
    ctors: [{ parameters: [{ name: 'input', type: n.requestType }], statements: ['this.input = input;'] }],
  };
}

export function bareClientStatements(model: ServiceModel): StatementStructures[] {
  const names = serviceNames(model);
  return [
    importFrom(runtimeModule('client'), ['RpcClient'], ['CallOptions', 'Command']),
    importFrom(runtimeModule('middleware'), [], ['MiddlewareStack']),
    importFrom('./client.js', [], [names.clientConfig]),
    importFrom('./service.js', [names.descriptor], []),
    {
      kind: StructureKind.Class,
      isExported: true,
      name: names.bareClient,
      docs: [
        `The smallest client for ${model.title} (${model.apiVersion}): \`send(new <Action>Command(params))\`. A bundle holds the runtime and the commands the program sends; ${names.client} has a method for every action instead.`,
      ],
      properties: [{ name: '#core', isReadonly: true, type: 'RpcClient' }],
      ctors: [
        {
          parameters: [{ name: 'config', type: names.clientConfig, initializer: '{}' }],
          statements: [`this.#core = new RpcClient(${names.descriptor}, config);`],
        },
      ],
      getAccessors: [middlewareAccessor()],
      methods: [sendMethod()],
    },
  ];
}

/** `send(command, options)`, on both clients: validates, signs, sends, parses, retries. */
export function sendMethod() {
  return {
    name: 'send',
    docs: ["Calls the command's action with its input; resolves to the typed response."],
    typeParameters: ['Req', 'Res'],
    parameters: [
      { name: 'command', type: 'Command<Req, Res>' },
      { name: 'options', type: 'CallOptions', initializer: '{}' },
    ],
    returnType: 'Promise<Res>',
    statements: ['return this.#core.send(command, options);'],
  };
}

/** `client.middleware`, on both clients: the core's stack (`add(fn, { step, name, priority })`,
 * `remove(name)`). */
export function middlewareAccessor(): OptionalKind<GetAccessorDeclarationStructure> {
  return {
    name: 'middleware',
    docs: [
      'Middleware every call runs, by step (initialize, serialize, build, finalize, deserialize): `add(fn, { step, name, priority })`, `remove(name)`.',
    ],
    returnType: 'MiddlewareStack',
    statements: ['return this.#core.middleware;'],
  };
}

/** An import of values and types from one module; type-only when it brings no value. */
export function importFrom(module: string, values: string[], types: string[]): StatementStructures {
  const typeOnly = values.length === 0;
  return {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: module,
    isTypeOnly: typeOnly,
    namedImports: [
      ...values.map((name) => ({ name })),
      ...types.map((name) => ({ name, isTypeOnly: !typeOnly })),
    ].sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}
