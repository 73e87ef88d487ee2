// A real call from a real browser: headless Chromium loads a page (its own origin on 127.0.0.1) holding
// the esbuild browser bundle of a program that imports a generated package, and the page makes a signed
// call to the reference server (another port, so another origin, so CORS) with the server's test keys.
// With CORS off on the server the browser blocks the answer, and the client says so without retrying.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../../server/start.ts';
import { bundleWithEsbuild } from '../../support/browser-bundlers.ts';
import { type BrowserProduct, browserProduct } from '../../support/browser-product.ts';
import { pageProgram, writePrograms } from '../../support/browser-programs.ts';
import { type Chromium, launchChromium, type PageServer, servePage } from '../../support/chromium.ts';

interface PageOutcome {
  readonly result?: Record<string, unknown>;
  readonly error?: { name: string; code: string; retryable: boolean; message: string };
  readonly thrown?: string;
}

let product: BrowserProduct;
let chromium: Chromium | undefined;
let page: PageServer | undefined;

beforeAll(async () => {
  product = await browserProduct();
  const entries = writePrograms('browser-page', { page: pageProgram(product) });
  // Split as a page loads it: the lazy modules are chunks the browser fetches when the call needs them.
  const bundle = await bundleWithEsbuild(entries, { splitting: true });
  expect(bundle.errors).toEqual([]);
  page = await servePage(bundle.files, 'page.js');
  chromium = await launchChromium();
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await page?.close();
});

/** The reference server serving the product with its seed; every request it sees is counted. */
async function referenceServer(cors: 'loopback' | 'off'): Promise<RunningServer & { lines: string[] }> {
  const lines: string[] = [];
  const server = await startServer({
    services: [product.facts],
    seeds: [product.seedFile],
    cors,
    accessLog: (line) => void lines.push(line),
  });
  return Object.assign(server, { lines });
}

/** Opens the page in a fresh tab and makes its one call to `endpoint`. */
async function callFromPage(endpoint: string): Promise<PageOutcome> {
  const tab = await chromium!.browser.newPage();
  try {
    await tab.goto(page!.url);
    await tab.waitForFunction(() => typeof (globalThis as { callOnce?: unknown }).callOnce === 'function');
    return await tab.evaluate(
      (url) => (globalThis as unknown as { callOnce(u: string): Promise<PageOutcome> }).callOnce(url),
      endpoint,
    );
  } finally {
    await tab.close();
  }
}

/** The same call from Node, against a fresh server in the same starting state. */
async function callFromNode(): Promise<Record<string, unknown>> {
  const server = await referenceServer('loopback');
  try {
    const exports = (await import(product.packageName)) as Record<string, unknown>;
    const Client = exports[product.bareClient] as new (
      config: object,
    ) => { send(c: unknown): Promise<unknown> };
    const Command = exports[product.command] as new (input: object) => unknown;
    const client = new Client({
      endpoint: server.url,
      credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
    });
    return (await client.send(new Command(product.input))) as Record<string, unknown>;
  } finally {
    await server.close();
  }
}

function itemsOf(result: Record<string, unknown>): unknown {
  return product.action.lists!.itemsPath.reduce<unknown>(
    (v, key) => (v as Record<string, unknown>)?.[key],
    result,
  );
}

describe('a signed call from headless Chromium', () => {
  it('answers the page with the typed result the same call gives on Node', async () => {
    const server = await referenceServer('loopback');
    try {
      const outcome = await callFromPage(server.url);
      expect(outcome.error ?? outcome.thrown).toBeUndefined();
      const result = outcome.result!;
      expect(product.action.validateResponse(result)).toEqual([]);
      expect(itemsOf(result)).not.toEqual([]);
      const { RequestId: _browser, ...fromBrowser } = result;
      const { RequestId: _node, ...fromNode } = await callFromNode();
      expect(fromBrowser).toEqual(fromNode);
      expect(server.lines.filter((l) => !l.startsWith('OPTIONS'))).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('is blocked by the browser when the server allows no origin, and is not retried', async () => {
    const server = await referenceServer('off');
    try {
      const outcome = await callFromPage(server.url);
      expect(outcome.error).toMatchObject({
        name: 'AcsNetworkError',
        code: 'Client.RequestBlocked',
        retryable: false,
      });
      // The browser's preflight, refused; nothing after it.
      expect(server.lines).toHaveLength(1);
      expect(server.lines[0]).toMatch(/^OPTIONS /);
    } finally {
      await server.close();
    }
  });
});
