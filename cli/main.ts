// The `acs-rpc` command: dispatches to one file per command, each loaded only when it runs, so
// `--help` and `--version` load neither the compiler nor the generator.
import { EXIT, UsageError } from './exit-codes.ts';
import { type CommandName, USAGE } from './help.ts';

type Command = (args: readonly string[]) => Promise<number>;

const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  generate: async () => (await import('./generate.ts')).runGenerate,
  serve: async () => (await import('./serve.ts')).runServe,
  conformance: async () => (await import('./conformance.ts')).runConformance,
  start: async () => (await import('./start.ts')).runStart,
  import: async () => (await import('./import.ts')).runImport,
};

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(USAGE);
    return EXIT.usage;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    const { toolkitVersion } = await import('../generator/shared/toolkit-dir.ts');
    process.stdout.write(`${toolkitVersion()}\n`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command as CommandName] : undefined;
  if (load === undefined) {
    process.stderr.write(`acs-rpc: unknown command "${command}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await (await load())(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`acs-rpc ${command}: ${error.message}\n(see acs-rpc ${command} --help)\n`);
    return EXIT.usage;
  }
}
