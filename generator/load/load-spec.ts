// Load stage: reads the YAML spec keeping source positions, so later stages can point at lines.
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Diagnostic } from '../shared/diagnostic.ts';
import { splitPointer } from './pointer.ts';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface LoadedSpec {
  /** The path as given, used in diagnostics. */
  readonly file: string;
  readonly text: string;
  /** The document as plain data; undefined when the YAML did not parse. */
  readonly value: unknown;
  /** Source position of the value at a JSON pointer (its nearest existing ancestor if missing). */
  locate(pointer: string): Position;
}

export type LoadResult =
  | { readonly ok: true; readonly spec: LoadedSpec }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export async function loadSpecFile(file: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    return {
      ok: false,
      diagnostics: [diagnostic(file, 'spec.unreadable', `Cannot read the spec: ${reason}`)],
    };
  }
  return parseSpecText(file, text);
}

export function parseSpecText(file: string, text: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((e): Diagnostic => {
      const pos = lineCounter.linePos(e.pos[0]);
      return { ...diagnostic(file, 'yaml.syntax', firstLine(e.message)), line: pos.line, column: pos.col };
    });
    return { ok: false, diagnostics };
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  const locate = (pointer: string): Position => {
    const node = nodeAt(doc.contents, splitPointer(pointer));
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { ok: true, spec: { file, text, value, locate } };
}

/** The deepest node on the path; a missing key stops at its parent so the position stays useful. */
function nodeAt(root: unknown, segments: readonly string[]): Node | undefined {
  let node = root as Node | undefined;
  for (const segment of segments) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      next = pair?.value ?? pair?.key;
    } else if (isSeq(node)) {
      next = node.items[Number(segment)];
    }
    if (next === undefined || next === null) return node;
    node = next as Node;
  }
  return node;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function diagnostic(file: string, code: string, message: string): Diagnostic {
  return { code, severity: 'error', message, file, line: 1, column: 1, pointer: '' };
}
