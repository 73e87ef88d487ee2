// One line on stderr as each stage of a long generation starts.
import type { GenerateStage } from '../generator/pipeline.ts';

const STAGE_LINES: Record<GenerateStage, string> = {
  check: 'checking the spec',
  emit: 'emitting code',
  typecheck: 'typechecking the package',
  compile: 'compiling the package',
  write: 'writing files',
};

export function progressTo(spec: string): (stage: GenerateStage) => void {
  return (stage) => process.stderr.write(`acs-rpc: ${spec}: ${STAGE_LINES[stage]}\n`);
}
