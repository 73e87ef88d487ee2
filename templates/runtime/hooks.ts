// Hooks around each attempt, for logging, metrics and tracing. They see redacted data only, and a
// hook that throws is reported to the logger and otherwise ignored: observing must not break calls.

export interface RequestInfo {
  readonly action: string;
  readonly attempt: number;
  readonly method: 'GET' | 'POST';
  /** The URL with Signature and SecurityToken hidden and the AccessKeyId masked. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The form body, redacted like the URL (V1 POST carries the signature there). */
  readonly body?: string;
}

export interface ResponseInfo {
  readonly action: string;
  readonly attempt: number;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  /** The error code when the attempt failed. */
  readonly errorCode: string | undefined;
  readonly willRetry: boolean;
}

export interface Hooks {
  beforeRequest?(info: RequestInfo): void | Promise<void>;
  afterResponse?(info: ResponseInfo): void | Promise<void>;
}

export interface Logger {
  warn(message: string, data?: unknown): void;
  /** When present, one line per attempt: action, attempt, status, request id, time taken. */
  debug?(message: string, data?: unknown): void;
}

export async function runHook<T>(
  hook: ((info: T) => void | Promise<void>) | undefined,
  info: T,
  logger: Logger,
): Promise<void> {
  if (hook === undefined) return;
  try {
    await hook(info);
  } catch (error) {
    logger.warn('A client hook threw; the call goes on.', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
