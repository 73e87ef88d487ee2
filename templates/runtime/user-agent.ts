// The user agent every request carries: the toolkit, the package and the runtime, then the user's
// suffix — `acs-rpc-kit/0.1.0 acs-rpc-<product>/0.1.0 node/22.3.0 my-app/2.1`. Alibaba's own SDKs send
// `user-agent` (`AlibabaCloud (linux; x64) Node.js/v22 Core/… TeaDSL/1 <suffix>`), which V3 does not
// sign (it signs host, content-type and x-acs-*). A browser will not set `user-agent` from a page, so
// there it goes as `x-acs-user-agent`: an x-acs-* header, signed under V3 and asked for in the CORS
// preflight the V3 headers already cause.
import { AcsError } from './errors.js';

/** What the generator knows of the package: its toolkit's and its own tokens, `name/version` each. */
export interface UserAgentInfo {
  readonly toolkit: string;
  readonly package: string;
}

interface RuntimeGlobals {
  readonly Deno?: { readonly version?: { readonly deno?: unknown } };
  readonly Bun?: { readonly version?: unknown };
  readonly process?: { readonly versions?: { readonly node?: unknown } };
  readonly navigator?: { readonly userAgent?: unknown };
}

export interface Runtime {
  /** `node/22.3.0`, `deno/2.0.0`, `bun/1.1.0`, `browser`, or `unknown`. */
  readonly token: string;
  readonly browser: boolean;
}

/** Deno and Bun first: both also answer to `process.versions.node`. */
export function detectRuntime(g: RuntimeGlobals = globalThis as RuntimeGlobals): Runtime {
  const deno = g.Deno?.version?.deno;
  if (typeof deno === 'string') return { token: `deno/${deno}`, browser: false };
  const bun = g.Bun?.version;
  if (typeof bun === 'string') return { token: `bun/${bun}`, browser: false };
  const node = g.process?.versions?.node;
  if (typeof node === 'string') return { token: `node/${node}`, browser: false };
  const ua = g.navigator?.userAgent;
  if (typeof ua === 'string' && ua.startsWith('Mozilla/')) return { token: 'browser', browser: true };
  return { token: 'unknown', browser: false };
}

/** Printable ASCII with no line break: what a header value can carry unchanged everywhere. */
const PRINTABLE = /^[\x20-\x7e]*$/;

/** The header to add to every request, as `[name, value]`. */
export function userAgentHeader(
  info: UserAgentInfo | undefined,
  suffix: string | undefined,
  runtime: Runtime = detectRuntime(),
): [string, string] {
  if (suffix !== undefined && (typeof suffix !== 'string' || !PRINTABLE.test(suffix)))
    throw new AcsError({
      code: 'Client.InvalidConfig',
      message: 'The userAgent option must be printable ASCII text without line breaks.',
    });
  const parts = [info?.toolkit ?? 'acs-rpc-kit', info?.package, runtime.token, suffix?.trim() || undefined];
  const value = parts.filter((p) => p !== undefined).join(' ');
  return [runtime.browser ? 'x-acs-user-agent' : 'user-agent', value];
}

/** Whether a header goes into the V3 signature (as every x-acs-* header does) or is added after. */
export function isSignedHeader([name]: readonly [string, string]): boolean {
  return name.startsWith('x-acs-');
}
