/** A statement the lake refuses before running it; message carries Trino's `line L:C:` prefix. */
export class SqlValidationError extends Error {
  constructor(
    public readonly reason: string,
    public readonly line?: number,
    public readonly column?: number,
  ) {
    super(line !== undefined ? `line ${line}:${column ?? 1}: ${reason}` : reason);
  }
}
