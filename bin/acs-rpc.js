#!/usr/bin/env node
// Entry point of the `acs-rpc` command. The toolkit is written in TypeScript and run through tsx,
// so the repository needs no build step before `npm run generate`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../generator/cli.ts');
process.exitCode = await main(process.argv.slice(2));
