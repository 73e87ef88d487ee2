// Preloaded with `--import` by command-startup.ts: on exit, appends the process's peak RSS (KB) to the
// file named by ACS_RPC_PEAK_RSS.
import { appendFileSync } from 'node:fs';

const file = process.env.ACS_RPC_PEAK_RSS;
if (file !== undefined) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
