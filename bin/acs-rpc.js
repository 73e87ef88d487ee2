#!/usr/bin/env node
// Entry point of the `acs-rpc` command. The toolkit is written in TypeScript and run through tsx,
// so the repository needs no build step before `npm run generate`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A user's mistake is reported as diagnostics by the commands; reaching here is a bug of ours.
  process.stderr.write(
    `acs-rpc: internal error, please report it: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 70;
}
