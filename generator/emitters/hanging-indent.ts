// ts-morph prints a declaration's type or initializer inside a "hanging indent": every line after the
// declaration's first one gets one more level than the text it was given. For the multi-line object
// literals and type literals the emitters give it (already indented relative to their own first line),
// that level is one too many; TypeScript's formatter took it back, at a cost that grows with the file
// (seconds on a large package). This takes back exactly that level, reading the parsed file to know
// which lines belong to such a declaration.
import { ts } from 'ts-morph';

/** `text` with the hanging indent of multi-line declarations removed; `unit` is one indentation level. */
export function settleHangingIndents(file: ts.SourceFile, unit: string): string {
  const text = file.text;
  const dedent = new Map<number, number>();
  const lineOf = (pos: number) => file.getLineAndCharacterOfPosition(pos).line;
  // A type given as text may itself hold properties printed from structures (writer functions such
  // as `Writers.objectType`), each with a hanging indent of its own: those are found inside it.
  const visit = (node: ts.Node, inText: boolean): void => {
    const part = hangingPart(node, inText);
    if (part !== undefined) {
      const first = lineOf(node.getStart(file));
      const last = lineOf(part.getEnd());
      for (let line = first + 1; line <= last; line++) dedent.set(line, (dedent.get(line) ?? 0) + 1);
    }
    if (inText || part !== undefined || opensScope(node))
      ts.forEachChild(node, (child) => visit(child, inText || part !== undefined));
  };
  ts.forEachChild(file, (node) => visit(node, false));
  if (dedent.size === 0) return text;
  const lines = text.split('\n');
  for (const [line, levels] of dedent) {
    const current = lines[line]!;
    const indent = unit.repeat(levels);
    if (current.startsWith(indent)) lines[line] = current.slice(indent.length);
  }
  return lines.join('\n');
}

/** The last printed part of a declaration ts-morph writes with a hanging indent, when it spans lines. */
function hangingPart(node: ts.Node, inText: boolean): ts.Node | undefined {
  const part = inText
    ? ts.isPropertySignature(node)
      ? node.type
      : undefined
    : ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)
      ? (node.initializer ?? node.type)
      : ts.isTypeAliasDeclaration(node) || ts.isPropertySignature(node)
        ? node.type
        : undefined;
  if (part === undefined) return undefined;
  const text = part.getSourceFile().text;
  return text.slice(node.getStart(), part.getEnd()).includes('\n') ? part : undefined;
}

/** Nodes whose children are declarations printed from structures (not text given as a whole). */
function opensScope(node: ts.Node): boolean {
  return (
    ts.isVariableStatement(node) ||
    ts.isVariableDeclarationList(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isModuleDeclaration(node) ||
    ts.isModuleBlock(node)
  );
}
