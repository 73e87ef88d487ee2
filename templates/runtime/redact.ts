// What hooks, logs and errors may see of a request: never the secret, the signature or a token;
// the AccessKeyId only as its first four characters. A signed request's URL, form and headers are
// redacted by redact-request.ts.
export const HIDDEN = '***';

export function maskAccessKeyId(id: string): string {
  return id.length <= 4 ? HIDDEN : `${id.slice(0, 4)}${HIDDEN}`;
}

/** Keeps the algorithm and signed header names, which help debugging; hides the rest. */
export function redactAuthorization(value: string): string {
  return value
    .replace(/Signature=[^,\s]*/g, `Signature=${HIDDEN}`)
    .replace(/Credential=([^,\s]*)/g, (_m, id: string) => `Credential=${maskAccessKeyId(id)}`);
}

/** For text that came back from a server (it may echo a request): hide anything signature-like. */
export function redactText(text: string): string {
  return redactAuthorization(text).replace(
    /(Signature|SecurityToken)(["']?\s*[=:]\s*["']?)[^&"'\s<,]+/gi,
    `$1$2${HIDDEN}`,
  );
}

/**
 * A scrubber for text a server sent back, which may echo the request: every known secret value, in
 * plain and percent-encoded forms, is hidden, and the AccessKeyId masked.
 */
export function secretScrubber(
  secrets: readonly (string | undefined)[],
  accessKeyIds: string | readonly string[],
): (text: string) => string {
  const forms = new Map<string, string>();
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    for (const form of [secret, encodeURIComponent(secret), encodeURIComponent(encodeURIComponent(secret))])
      forms.set(form, HIDDEN);
  }
  for (const id of typeof accessKeyIds === 'string' ? [accessKeyIds] : accessKeyIds)
    if (id.length > 4) forms.set(id, maskAccessKeyId(id));
  const ordered = [...forms.keys()].sort((a, b) => b.length - a.length);
  return (text) => ordered.reduce((out, form) => out.split(form).join(forms.get(form)!), redactText(text));
}

/** The scrubber of one call: it learns each attempt's secrets (a provider may hand out new ones, and
 * every attempt has its own signature), and hides all of them from then on. */
export interface CallScrubber {
  readonly scrub: (text: string) => string;
  learn(secrets: readonly (string | undefined)[], accessKeyId: string): void;
}

export function callScrubber(): CallScrubber {
  // Lists, not sets: a call learns the same two or three values on each of its few attempts.
  const secrets: string[] = [];
  const ids: string[] = [];
  // Built when first used after learning: most calls succeed and never scrub anything.
  let current: ((text: string) => string) | undefined = redactText;
  return {
    scrub: (text) => {
      current ??= secretScrubber(secrets, ids);
      return current(text);
    },
    learn(more, accessKeyId) {
      for (const secret of more) if (secret !== undefined && !secrets.includes(secret)) secrets.push(secret);
      if (!ids.includes(accessKeyId)) ids.push(accessKeyId);
      current = undefined;
    },
  };
}

/** The longest text an error field, hook field or log line carries. */
export const MAX_TEXT = 1024;

/** Cuts text to `max` characters, the last one `…`, never inside a surrogate pair. Only ever applied
 * to text already scrubbed: cut first, a secret's head would survive its scrubbing. */
export function clip(text: string, max: number = MAX_TEXT): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
