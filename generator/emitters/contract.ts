// The one contract every emitter implements: read the model, return files. Emitters never write.
import type { ServiceModel } from '../model/types.ts';

export interface GeneratedFile {
  /** Path inside the generated package, POSIX separators, e.g. `src/types.ts`. */
  readonly path: string;
  readonly content: string;
  /** Where `content` holds multi-line value literals written by `toLiteral` (data-module.ts), as
   * `[start, end)` offsets: the compile need not re-print them (write/compile.ts). */
  readonly literals?: readonly LiteralSpan[];
}

export interface LiteralSpan {
  readonly start: number;
  readonly end: number;
}

export interface EmitContext {
  readonly model: ServiceModel;
  /** Absolute path of the toolkit's install folder (see toolkit-dir.ts), for reading templates. */
  readonly rootDir: string;
}

export interface Emitter {
  readonly name: string;
  emit(ctx: EmitContext): Promise<GeneratedFile[]>;
}
