// Every TypeScript program of every README typechecks as a user's strict project would check it: the
// README test runs them (readmes.test.ts), but running strips types, so a wrong type in an example
// (a field the response may lack, a request the method does not take) would pass unseen. Each
// program is checked as a module at the repository's root, where the README test runs it, so its
// imports resolve as they do there.
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.ts';
import { programs, readmeBlocks } from '../support/readme-blocks.ts';

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  types: ['node'],
};

const checked = programs(readmeBlocks(REPO)).map((program, index) => ({
  program,
  // `.mts`: an ES module whatever the nearest package.json says, as the README's `import`s need.
  path: join(REPO, `__readme-${index}.mts`),
  text: `${program.text}\nexport {};\n`,
}));

function typeErrors(): Map<string, string[]> {
  const virtual = new Map(checked.map((c) => [c.path, c.text]));
  const host = ts.createCompilerHost(OPTIONS);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, version, onError) => {
    const text = virtual.get(name);
    return text === undefined
      ? getSourceFile.call(host, name, version, onError)
      : ts.createSourceFile(name, text, version);
  };
  const program = ts.createProgram([...virtual.keys()], OPTIONS, host);
  const errors = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const at = diagnostic.file === undefined ? '' : diagnostic.file.fileName;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const line =
      diagnostic.file === undefined || diagnostic.start === undefined
        ? ''
        : `line ${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1} of the program: `;
    errors.set(at, [...(errors.get(at) ?? []), `${line}${message}`]);
  }
  return errors;
}

describe('README TypeScript types', () => {
  const errors = typeErrors();
  it('checks every program', () => {
    expect(checked.length).toBeGreaterThan(5);
  });
  it.each(checked.map((c) => [`${c.program.file}:${c.program.lines.join(',')}`, c.path] as const))(
    '%s typechecks',
    (_, path) => {
      expect(errors.get(path) ?? []).toEqual([]);
    },
  );
  it('has no error outside the programs (a type library the programs load)', () => {
    const elsewhere = [...errors].filter(([file]) => !checked.some((c) => c.path === file));
    expect(elsewhere).toEqual([]);
  });
});
