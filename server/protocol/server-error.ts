// An error the server answers with: a code from the spec's error table, and the parameter name that
// fills `{Name}` in its documented message.
export class ServerError extends Error {
  readonly code: string;
  readonly param: string | undefined;

  constructor(code: string, param?: string, detail?: string) {
    super(detail ?? code);
    this.code = code;
    this.param = param;
  }
}
