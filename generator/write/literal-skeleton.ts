// A file whose multi-line value literals are known (`GeneratedFile.literals`, written by `toLiteral`
// as top-level initializers) compiles without the compiler reading them: each literal becomes a
// placeholder (a call) spanning the same lines and ending at the same column, so every position around it,
// and with them the declarations and their map, is what the whole file gives; the JavaScript gets
// each literal back as TypeScript's printer writes it, four spaces a level where `toLiteral` writes
// two. On a package of megabytes of descriptors, printing and parsing them again took seconds.
// test/generator/write/compile.test.ts holds this to the compiler's own output on the same files.
import type { GeneratedFile } from '../emitters/contract.ts';

const PLACEHOLDER = '__acsRpcLiteral';

export interface Skeleton {
  readonly file: GeneratedFile;
  /** The JavaScript of the whole file from the skeleton's; undefined when a placeholder is not where
   * expected (in the JavaScript, once each, and nowhere in the declarations). */
  restore(js: string, declarations: string): string | undefined;
}

/** Undefined when the file has no literals to leave out (or already holds the placeholder's name). */
export function skeletonOf(file: GeneratedFile): Skeleton | undefined {
  const spans = file.literals ?? [];
  if (spans.length === 0 || file.content.includes(PLACEHOLDER)) return undefined;
  const parts: string[] = [];
  const literals: string[] = [];
  let at = 0;
  for (const [i, span] of spans.entries()) {
    if (span.start < at || span.end <= span.start) return undefined;
    const literal = file.content.slice(span.start, span.end);
    const lines = literal.split('\n');
    const last = lines[lines.length - 1]!;
    if (lines.length < 2 || last.length === 0) return undefined;
    // A call whose `)` is where the literal's last character was: the declaration ends where it did.
    parts.push(file.content.slice(at, span.start), `${PLACEHOLDER}${i}(`);
    parts.push('\n'.repeat(lines.length - 1), ' '.repeat(last.length - 1), ')');
    literals.push(literal);
    at = span.end;
  }
  parts.push(file.content.slice(at));
  const skeleton = { path: file.path, content: parts.join('') };
  return {
    file: skeleton,
    restore: (js, declarations) => (declarations.includes(PLACEHOLDER) ? undefined : restore(js, literals)),
  };
}

function restore(js: string, literals: readonly string[]): string | undefined {
  const pieces = js.split(new RegExp(`${PLACEHOLDER}(\\d+)\\(\\)`));
  // split() with one capture group: text, index, text, index, ..., text.
  if (pieces.length !== literals.length * 2 + 1) return undefined;
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 0) out.push(pieces[i]!);
    else if (pieces[i] !== String((i - 1) / 2)) return undefined;
    else out.push(asPrinted(literals[(i - 1) / 2]!));
  }
  return out.join('');
}

/** A top-level literal as the compiler prints it: each line's two-space levels become four. */
function asPrinted(literal: string): string {
  return literal.replace(/\n( +)/g, (_all, indent: string) => `\n${indent}${indent}`);
}
