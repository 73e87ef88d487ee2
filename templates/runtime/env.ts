// Environment variables, where the runtime has them: Node, Bun and Deno have `process.env`; browsers
// and some edge runtimes have no `process` at all, so it is read without assuming it.
export type Env = Readonly<Record<string, string | undefined>>;

export function processEnv(): Env {
  const process = (globalThis as { process?: { env?: Env } }).process;
  return process?.env ?? {};
}

/** A switch variable as the official tools read it: `true` in any letter case. */
export function isTrue(value: string | undefined): boolean {
  return value?.toLowerCase() === 'true';
}
