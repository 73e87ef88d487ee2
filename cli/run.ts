#!/usr/bin/env node
// The process around `main`: the `acs-rpc` bin (compiled to dist/cli/run.js), and what `npm run
// generate` and friends run through tsx inside this repository.
import { EXIT } from './exit-codes.ts';
import { main } from './main.ts';

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A user's mistake is reported as diagnostics or a usage error by the commands; reaching here is a
  // bug of ours.
  process.stderr.write(
    `acs-rpc: internal error, please report it: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = EXIT.internal;
}
