// Diagnostics are data: collected by every stage, printed together, never thrown as stack traces.

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
