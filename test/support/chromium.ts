// Headless Chromium from the system's packages (Debian's `chromium`), driven by puppeteer-core, which
// downloads no browser; and a static server for a page, so the page has an origin of its own.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that run as root in a container without a GPU, and keep the browser off the network. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Chromium {
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Fails, naming the install command, when the browser is not there: a missing browser is not a pass. */
export async function launchChromium(): Promise<Chromium> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`,
    );
  const profile = mkdtempSync(join(tmpdir(), 'acs-rpc-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: FLAGS,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageServer {
  readonly url: string;
  /** The files the browser asked for, in order (the page's chunks as it loads them). */
  readonly served: readonly string[];
  close(): Promise<void>;
}

/** Serves `index.html` loading `entry` as a module, and the given files, on 127.0.0.1. */
export async function servePage(files: ReadonlyMap<string, string>, entry: string): Promise<PageServer> {
  const html = `<!doctype html><meta charset="utf-8"><title>acs-rpc</title><script type="module" src="./${entry}"></script>`;
  const served: string[] = [];
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://page').pathname.slice(1) || 'index.html';
    served.push(name);
    const body = name === 'index.html' ? html : files.get(name);
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': name.endsWith('.html') ? 'text/html' : 'text/javascript' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
