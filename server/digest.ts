// Fixed-size keys for the server's bounded memories (nonces, fault fingerprints): whatever a client
// sends, each entry costs the same, so a count bound is a size bound (issue 13: 900 KB nonces).
import { createHash } from 'node:crypto';

/** SHA-256 of the text, base64: 44 characters. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
