/** A statement the lake refuses before running it; message carries Trino's `line L:C:` prefix. */
const BRAND = Symbol.for('trailbench.SqlValidationError');

export class SqlValidationError extends Error {
  readonly [BRAND] = true;

  static is(e: unknown): e is SqlValidationError {
    return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(
    public readonly reason: string,
    public readonly line?: number,
    public readonly column?: number,
  ) {
    super(line !== undefined ? `line ${line}:${column ?? 1}: ${reason}` : reason);
  }
}
