// Renders a data module (imports, then exported constants whose values are `toLiteral` text) from
// its ts-morph structures, printing that small subset directly: what ts-morph prints for it, less
// its printer and the parse of what it printed, which on a large package (megabytes of descriptors
// and conformance facts) cost seconds. Any structure outside the subset goes through `renderTs`.
// The literals' places are kept on the file, so the compile can leave them as they are.
import {
  type ImportDeclarationStructure,
  type StatementStructures,
  StructureKind,
  VariableDeclarationKind,
  type VariableStatementStructure,
} from 'ts-morph';
import type { ServiceModel } from '../model/types.ts';
import type { GeneratedFile, LiteralSpan } from './contract.ts';
import { codeHeader } from './header.ts';
import { renderTs } from './ts-file.ts';

export function renderDataModule(
  model: ServiceModel,
  path: string,
  statements: readonly StatementStructures[],
): GeneratedFile {
  const parts: string[] = [];
  const literals: LiteralSpan[] = [];
  let at = codeHeader(model).length + 1;
  for (const statement of statements) {
    const printed = printStatement(statement);
    if (printed === undefined) return renderTs(model, path, statements);
    if (printed.literal?.includes('\n')) {
      const start = at + printed.text.length - ';'.length - printed.literal.length;
      literals.push({ start, end: start + printed.literal.length });
    }
    parts.push(printed.text);
    at += printed.text.length + 1;
  }
  return { path, content: `${codeHeader(model)}\n${parts.join('\n')}\n`, literals };
}

function printStatement(statement: StatementStructures): { text: string; literal?: string } | undefined {
  if (statement.kind === StructureKind.ImportDeclaration) {
    const text = printImport(statement);
    return text === undefined ? undefined : { text };
  }
  if (statement.kind === StructureKind.VariableStatement) return printConstant(statement);
  return undefined;
}

/** `import [type] { a, b } from 'm';`, on one line as ts-morph prints it. */
function printImport(s: ImportDeclarationStructure): string | undefined {
  const names = s.namedImports;
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string')) return;
  if (s.defaultImport !== undefined || s.namespaceImport !== undefined || s.attributes !== undefined) return;
  if (!PLAIN_SPECIFIER.test(s.moduleSpecifier)) return;
  return `import ${s.isTypeOnly === true ? 'type ' : ''}{ ${names.join(', ')} } from '${s.moduleSpecifier}';`;
}

/** `/** doc *\/ export const name: Type = literal;`: one declaration, one single-line doc. */
function printConstant(s: VariableStatementStructure): { text: string; literal: string } | undefined {
  const [declaration, ...more] = s.declarations;
  const [doc, ...moreDocs] = s.docs ?? [];
  if (declaration === undefined || more.length > 0 || moreDocs.length > 0) return;
  if (s.isExported !== true || s.declarationKind !== VariableDeclarationKind.Const) return;
  if (typeof doc !== 'string' || !PLAIN_DOC.test(doc)) return;
  const { name, type, initializer } = declaration;
  if (typeof type !== 'string' || typeof initializer !== 'string' || type.includes('\n')) return;
  if (Object.keys(declaration).some((key) => !DECLARATION_KEYS.has(key))) return;
  return { text: `/** ${doc} */\nexport const ${name}: ${type} = ${initializer};`, literal: initializer };
}

/** A doc ts-morph prints as `/** doc *\/` on one line; anything else (lines, comment ends) falls back. */
const PLAIN_DOC = /^\S(?:[^\r\n*]|\*(?!\/))*(?<=\S)$|^\S$/;
const PLAIN_SPECIFIER = /^[\w@./-]+$/;
const DECLARATION_KEYS = new Set(['name', 'type', 'initializer', 'kind']);
