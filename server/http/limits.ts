// What one request may be, checked before anything is parsed or verified, so a request that breaks a
// limit costs little to refuse and nothing it sends is kept (server/README.md, "Limits").
import { ServerError } from '../protocol/server-error.ts';

export interface RequestLimits {
  /** A body's bytes; more: InvalidParameter naming `Body`, and the connection is closed. */
  readonly bodyBytes: number;
  /** One parameter's name or value (query or form), in UTF-8 bytes; more: InvalidParameter naming it. */
  readonly valueBytes: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  bodyBytes: 1 << 20,
  // ECS's UserData, the longest value its spec documents, is 32 KB before base64 (43,692 characters).
  valueBytes: 64 * 1024,
};

/** A body over the limit: answered with InvalidParameter (400), then the connection is closed. */
export class RequestTooLarge extends ServerError {
  constructor(limit: number) {
    super('InvalidParameter', 'Body', `The request body exceeds ${limit} bytes.`);
  }
}
