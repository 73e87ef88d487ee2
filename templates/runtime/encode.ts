// RFC 3986 percent-encoding as both Alibaba signatures require: only A-Z a-z 0-9 - _ . ~ stay literal.
import { AcsError } from './errors.js';

export function percentEncode(value: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    // A lone surrogate has no UTF-8 form; say so instead of leaking a URIError.
    throw new AcsError({
      code: 'Client.InvalidParameter',
      message: 'A parameter value is not valid Unicode text.',
    });
  }
  // encodeURIComponent leaves ! ' ( ) * literal; RFC 3986 (and the signature) wants them encoded.
  return encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
