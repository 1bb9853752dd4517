/**
 * Errors the lake returns through the CloudTrail API: `type` is the AWS exception name
 * (`__type` on the wire), `status` the HTTP status. The one definition every layer maps from.
 */
export class LakeError extends Error {
  constructor(
    public readonly type: string,
    message: string,
    public readonly status = 400,
  ) {
    super(message);
  }
}

export const invalidParameter = (message: string) => new LakeError('InvalidParameterException', message);
export const storeNotFound = (id: string) => new LakeError('EventDataStoreNotFoundException', `Event data store ${id} not found.`);
export const queryNotFound = (id: string) => new LakeError('QueryIdNotFoundException', `Query ${id} not found.`);
