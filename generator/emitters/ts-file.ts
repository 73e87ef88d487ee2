// Renders TypeScript from ts-morph structures; every emitter goes through here for one format.
import { IndentationText, NewLineKind, Project, QuoteKind, type StatementStructures, ts } from 'ts-morph';
import type { ServiceModel } from '../model/types.ts';
import type { GeneratedFile } from './contract.ts';
import { codeHeader } from './header.ts';

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
  // The TypeScript formatter settles indentation of multi-line literals and bodies in one pass.
  file.formatText({ indentSize: 2, convertTabsToSpaces: true, semicolons: ts.SemicolonPreference.Insert });
  return { path, content: `${codeHeader(model)}\n${file.getFullText().trimEnd()}\n` };
}
