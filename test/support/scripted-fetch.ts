// An injected fetch for client unit tests: answers each call with the next scripted reply (a Response
// or a thrown error) and records what was sent, with no socket and no clock involved.
import type { Fetch } from '../../templates/runtime/transport.ts';

export interface SentRequest {
  readonly url: string;
  readonly init: RequestInit;
}

export type Reply = Response | Error | ((url: string, init: RequestInit) => Promise<Response>);

export interface ScriptedFetch {
  readonly fetch: Fetch;
  readonly sent: SentRequest[];
}

/** Replies in order; after the script runs out, the last reply repeats. */
export function scriptedFetch(...replies: Reply[]): ScriptedFetch {
  const sent: SentRequest[] = [];
  const fetch: Fetch = async (url, init) => {
    sent.push({ url, init });
    const reply = replies.length > 1 ? replies.shift() : replies[0];
    if (reply === undefined) throw new Error('scriptedFetch: no reply scripted');
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply(url, init);
    return reply.clone();
  };
  return { fetch, sent };
}

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=utf-8', ...headers },
  });
}

export function serviceError(code: string, message = `${code} happened.`): Record<string, string> {
  return { RequestId: `REQ-${code}`, HostId: 'widgets.example.test', Code: code, Message: message };
}
