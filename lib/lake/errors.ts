/**
 * Errors the lake returns through the CloudTrail API: `type` is the AWS exception name
 * (`__type` on the wire), `status` the HTTP status. The one definition every layer maps from.
 */
const BRAND = Symbol.for('trailbench.LakeError');

export class LakeError extends Error {
  readonly [BRAND] = true;
  constructor(
    public readonly type: string,
    message: string,
    public readonly status = 400,
  ) {
    super(message);
  }

  /** A brand check, not instanceof: the Next server can load this module in more than one bundle. */
  static is(e: unknown): e is LakeError {
    return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
  }
}

export const invalidParameter = (message: string) => new LakeError('InvalidParameterException', message);
export const storeNotFound = (id: string) => new LakeError('EventDataStoreNotFoundException', `Event data store ${id} not found.`);
export const queryNotFound = (id: string) => new LakeError('QueryIdNotFoundException', `Query ${id} not found.`);
