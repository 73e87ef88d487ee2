// `acs-rpc conformance`: delegates to the generated package's runner, so the toolkit and the package
// run the same suite; this command only chooses the package (--spec, --package or the config).
import { takeOption, wantsHelp } from './args.ts';
import { EXIT } from './exit-codes.ts';
import { COMMAND_HELP } from './help.ts';
import { loadConformance } from './load-package.ts';
import { resolvePackage } from './package-source.ts';

export async function runConformance(args: readonly string[], cwd: string = process.cwd()): Promise<number> {
  if (wantsHelp(args)) {
    process.stdout.write(COMMAND_HELP.conformance);
    return EXIT.ok;
  }
  const spec = takeOption(args, 'spec');
  const pkgOption = takeOption(spec.rest, 'package');
  const quiet = pkgOption.rest.includes('--quiet');
  const rest = pkgOption.rest.filter((a) => a !== '--quiet');
  const pkg = await resolvePackage({ spec: spec.value, package: pkgOption.value }, cwd, quiet);
  if (typeof pkg === 'number') return pkg;
  return (await loadConformance(pkg)).main(rest, 'acs-rpc conformance');
}
