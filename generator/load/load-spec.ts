// Load stage: reads the YAML spec keeping source positions, so later stages can point at lines.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, parse, parseDocument } from 'yaml';
import type { Diagnostic } from '../shared/diagnostic.ts';
import { BASE_KEY, mergeBase } from './merge-base.ts';
import { plainValue } from './plain-value.ts';
import { splitPointer } from './pointer.ts';

export interface Position {
  readonly line: number;
  readonly column: number;
  /** The file that holds the value, when not the spec's own (a curated spec's base). */
  readonly file?: string;
}

export interface LoadedSpec {
  /** The path as given, used in diagnostics. */
  readonly file: string;
  readonly text: string;
  /** The document as plain data; undefined when the YAML did not parse. */
  readonly value: unknown;
  /** Source position of the value at a JSON pointer (its nearest existing ancestor if missing). */
  locate(pointer: string): Position;
  /** Lets go of the YAML tree with positions behind `locate` (tens of MB on a large spec), once the
   * stages that locate often are done; a later `locate` parses the text again. */
  forgetPositions(): void;
  /** Every file the document was made of: the spec, and its base when it names one. */
  readonly inputs: readonly string[];
}

export type LoadResult =
  | { readonly ok: true; readonly spec: LoadedSpec }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** `file` as diagnostics name it, read from `root` (the folder it is relative to). */
export async function loadSpecFile(file: string, root = '.'): Promise<LoadResult> {
  const read = await readSpec(file, root);
  if (!read.ok) return read;
  const loaded = parseSpecText(file, read.text);
  if (!loaded.ok) return loaded;
  const named = (loaded.spec.value as Record<string, unknown> | null)?.[BASE_KEY];
  return named === undefined ? loaded : withBase(loaded.spec, named, root);
}

async function readSpec(
  file: string,
  root: string,
): Promise<
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }
> {
  try {
    return { ok: true, text: await readFile(resolve(root, file), 'utf8') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    return {
      ok: false,
      diagnostics: [diagnostic(file, 'spec.unreadable', `Cannot read the spec: ${reason}`)],
    };
  }
}

/** The files a spec is made of, read cheaply (no full parse): for cache keys of generated packages. */
export async function specInputs(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  const line = /^x-acs-base:[ \t]*(.*)$/m.exec(text)?.[1];
  const named = line === undefined ? undefined : parse(line);
  return typeof named === 'string' && named !== '' ? [file, join(dirname(file), named)] : [file];
}

/** The curated spec over the base it names (merge-base.ts has the rule); the base has no base. */
async function withBase(curated: LoadedSpec, named: unknown, root: string): Promise<LoadResult> {
  const at = curated.locate(`/${BASE_KEY}`);
  const refuse = (message: string): LoadResult => ({
    ok: false,
    diagnostics: [{ ...diagnostic(curated.file, 'spec.base', message), line: at.line, column: at.column }],
  });
  if (typeof named !== 'string' || named === '')
    return refuse(`${BASE_KEY} must name a spec file, relative to this one.`);
  const baseFile = join(dirname(curated.file), named).split('\\').join('/');
  const read = await readSpec(baseFile, root);
  if (!read.ok)
    return refuse(
      `Cannot read the base spec ${baseFile}: ${read.diagnostics[0]!.message.replace(/^Cannot read the spec: /, '')}`,
    );
  const base = parseSpecText(baseFile, read.text);
  if (!base.ok) return base;
  const baseRoot = base.spec.value as Record<string, unknown> | null;
  if (baseRoot === null || typeof baseRoot !== 'object' || Array.isArray(baseRoot))
    return refuse(`The base spec ${baseFile} is not a YAML mapping.`);
  if (baseRoot[BASE_KEY] !== undefined) return refuse(`The base spec ${baseFile} names a base of its own.`);
  const merged = mergeBase(baseRoot, curated.value as Record<string, unknown>);
  const locate = (pointer: string): Position =>
    merged.fromBase(splitPointer(pointer))
      ? { ...base.spec.locate(pointer), file: baseFile }
      : curated.locate(pointer);
  const forgetPositions = () => {
    curated.forgetPositions();
    base.spec.forgetPositions();
  };
  return {
    ok: true,
    spec: {
      file: curated.file,
      text: JSON.stringify(merged.value),
      value: merged.value,
      locate,
      forgetPositions,
      inputs: [curated.file, baseFile],
    },
  };
}

export function parseSpecText(file: string, text: string): LoadResult {
  // Positions are parsed when a diagnostic first asks for one (plain-value.ts).
  const plain = plainValue(text);
  if (plain !== undefined) return { ok: true, spec: located(file, text, plain, undefined) };
  const parsed = positionsOf(text);
  const { doc, lineCounter } = parsed;
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((e): Diagnostic => {
      const pos = lineCounter.linePos(e.pos[0]);
      return { ...diagnostic(file, 'yaml.syntax', firstLine(e.message)), line: pos.line, column: pos.col };
    });
    return { ok: false, diagnostics };
  }
  return { ok: true, spec: located(file, text, doc.toJS({ maxAliasCount: 100 }), parsed) };
}

/** The loaded spec; `parsed` is the tree with positions when already at hand. */
function located(file: string, text: string, value: unknown, parsed: Positions | undefined): LoadedSpec {
  let tree: Positions | undefined = parsed;
  const locate = (pointer: string): Position => {
    tree ??= positionsOf(text);
    const node = nodeAt(tree.doc.contents, splitPointer(pointer));
    const offset = node?.range?.[0] ?? 0;
    const pos = tree.lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const forgetPositions = () => {
    tree = undefined;
  };
  return { file, text, value, locate, forgetPositions, inputs: [file] };
}

interface Positions {
  readonly doc: ReturnType<typeof parseDocument>;
  readonly lineCounter: LineCounter;
}

/** The YAML tree of a spec's text, with the line of every offset. */
function positionsOf(text: string): Positions {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true }), lineCounter };
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
