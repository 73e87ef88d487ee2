// `responseDemo`: a JSON string holding `[{ type: json|xml, example }]`. Each readable example becomes
// an OpenAPI example of the 200 response; one that does not parse is reported.
import type { Warn } from './schema.ts';

export interface Demos {
  readonly json?: unknown;
  readonly xml?: string;
}

export function readDemos(responseDemo: string | undefined, warn: Warn): Demos {
  if (responseDemo === undefined || responseDemo.trim() === '') return {};
  let list: unknown;
  try {
    list = JSON.parse(responseDemo);
  } catch {
    warn('responseDemo is not JSON; no examples kept');
    return {};
  }
  if (!Array.isArray(list)) return {};
  let json: unknown;
  let xml: string | undefined;
  for (const demo of list as { type?: unknown; example?: unknown }[]) {
    if (typeof demo.example !== 'string' || demo.example.trim() === '') continue;
    if (demo.type === 'json' && json === undefined) {
      try {
        json = JSON.parse(demo.example);
      } catch {
        warn('the JSON response example does not parse; left out');
      }
    } else if (demo.type === 'xml' && xml === undefined) xml = demo.example.trim();
  }
  return { ...(json === undefined ? {} : { json }), ...(xml === undefined ? {} : { xml }) };
}
