// Renders TypeScript from ts-morph structures; every emitter goes through here for one format (data
// modules print the few structures they hold directly, in this same format: data-module.ts).
import { IndentationText, NewLineKind, Project, QuoteKind, type StatementStructures } from 'ts-morph';
import type { ServiceModel } from '../model/types.ts';
import type { GeneratedFile } from './contract.ts';
import { settleHangingIndents } from './hanging-indent.ts';
import { codeHeader } from './header.ts';

const INDENT = '  ';

export function renderTs(
  model: ServiceModel,
  path: string,
  statements: readonly (string | StatementStructures)[],
): GeneratedFile {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Single,
      useTrailingCommas: true,
    },
  });
  const file = project.createSourceFile(`/${path}`, { statements: [...statements] });
  // What ts-morph prints is already in the package's format (two spaces, single quotes, semicolons,
  // trailing commas) but for the indentation of multi-line declarations, settled here: TypeScript's
  // formatter gives the same bytes, in a time that grows with the file.
  const text = settleHangingIndents(file.compilerNode, INDENT);
  return { path, content: `${codeHeader(model)}\n${text.trimEnd()}\n` };
}
