// Command-line parsing shared by the commands: node:util parseArgs, with --help on every command and
// every parse error turned into a UsageError (exit code 2).
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './exit-codes.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** The values of `options` (plus `help`); throws UsageError on an unknown option or a bad value. */
export function parseCommand<const O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options: { ...options, ...HELP_OPTION }, allowPositionals: false })
      .values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Takes `--name VALUE` (or `--name=VALUE`) out of `args`, for commands that pass the rest on to
 * another parser; the last one wins.
 */
export function takeOption(
  args: readonly string[],
  name: string,
): { value: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === `--${name}`) {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`Option '--${name} <value>' argument missing`);
      i++;
    } else if (arg.startsWith(`--${name}=`)) {
      value = arg.slice(name.length + 3);
    } else {
      rest.push(arg);
    }
  }
  return { value, rest };
}

export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}
