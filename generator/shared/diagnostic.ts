// Diagnostics are data: each stage collects its own, the pipeline prints them together; never thrown
// as stack traces. A leaf module: every stage may import it, it imports nothing of the generator.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** JSON pointer into the spec of the value concerned, `''` for the whole document. */
  readonly pointer: string;
}

/** Formats one diagnostic the way compilers do, so editors can jump to it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.pointer === '' ? '' : ` (at ${d.pointer})`;
  return `${d.file}:${d.line}:${d.column} - ${d.severity} ${d.code}: ${d.message}${where}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorted by position, then code, so output is stable whatever order the rules ran in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

/** Thrown only to stop a stage when diagnostics make going on pointless; the CLI prints them. */
export class DiagnosticsError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(`${diagnostics.length} problem(s) in the spec`);
    this.diagnostics = diagnostics;
  }
}

/** Where a JSON pointer sits in the source: a loaded spec satisfies this. */
export interface Locator {
  readonly file: string;
  /** `file` when the value is held by another file than `file` (a curated spec's base). */
  locate(pointer: string): { readonly line: number; readonly column: number; readonly file?: string };
}

export type Report = (code: string, pointer: string, message: string, severity?: Severity) => void;

/** A stage's own collector: `report` adds a positioned diagnostic, `diagnostics` is what it found. */
export function createReporter(source: Locator): {
  readonly report: Report;
  readonly diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (code, pointer, message, severity = 'error') => {
    const { line, column, file } = source.locate(pointer);
    diagnostics.push({ code, severity, message, file: file ?? source.file, line, column, pointer });
  };
  return { report, diagnostics };
}
