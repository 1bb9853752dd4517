import { randomUUID } from 'node:crypto';
import type { Lake } from '../lake';
import { LakeError } from '../errors';
import { parseAuthorization, verifySigV4, type RawRequest } from './sigv4';
import { serverKeyAccess, type LakeAccess, type LakeCall } from './access';
import { bytesOfCall, storeOfCall } from './call-summary';
import { stringifyWithRaw } from './raw-json';
import { queryOperations } from './operations/queries';
import { storeOperations } from './operations/stores';
import { followOperations, importOperations } from './operations/imports';

/** Both X-Amz-Target prefixes clients send: botocore's and the JS SDK v3's. */
const TARGET_PREFIXES = ['com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.', 'CloudTrail_20131101.'];

type Operation = (lake: Lake, body: unknown, headers: Record<string, string>) => unknown;
const OPERATIONS: Record<string, Operation> = { ...storeOperations, ...queryOperations, ...importOperations, ...followOperations };

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request as it arrives: the body may still be unread (the HTTP route reads it capped, after the method check). */
export type IncomingRequest = Omit<RawRequest, 'body'> & { body: string | (() => Promise<string>) };

/**
 * The lake's CloudTrail endpoint: AWS JSON 1.1 over HTTP POST, SigV4-authenticated. `access`
 * says whose keys are valid and what each may do; by default only the lake's own key pair.
 */
export async function handleLakeRequest(lake: Lake, req: IncomingRequest, access: LakeAccess = serverKeyAccess(lake)): Promise<RawResponse> {
  const call: LakeCall = { requestId: randomUUID(), operation: operationOf(req.headers['x-amz-target']) || '(none)', authenticated: false, outcome: 'ok' };
  let input: Record<string, unknown> = {};
  try {
    if (req.method !== 'POST')
      throw new LakeError('UnknownOperationException', 'The lake accepts AWS JSON 1.1 requests: POST with an X-Amz-Target header.', 404);
    const body = typeof req.body === 'string' ? req.body : await req.body();
    const raw: RawRequest = { ...req, body };
    call.accessKeyId = parseAuthorization(raw).accessKeyId;
    call.caller = await access.caller(call.accessKeyId);
    if (!call.caller)
      throw new LakeError('UnrecognizedClientException', 'The security token included in the request is invalid: unknown or revoked access key ID.', 400);
    await verifySigV4(raw, call.caller, lake.opts.region);
    call.authenticated = true;
    const op = Object.hasOwn(OPERATIONS, call.operation) ? OPERATIONS[call.operation] : undefined;
    if (!op) throw new LakeError('UnknownOperationException', `Unknown or unsupported operation: ${req.headers['x-amz-target'] || '(no X-Amz-Target header)'}`);
    input = parseBody(body);
    await access.authorize(call.caller, call.operation, input);
    const out = await access.afterCall(call.caller, call.operation, input, await op(lake, input, req.headers));
    call.storeId = storeOfCall(lake, input, out);
    call.bytesScanned = bytesOfCall(out);
    return json(200, out, call.requestId);
  } catch (e) {
    call.storeId ??= storeOfCall(lake, input);
    if (LakeError.is(e)) {
      call.outcome = e.type;
      return json(e.status, { __type: e.type, Message: e.message }, call.requestId, e.type);
    }
    call.outcome = 'InternalFailure';
    console.error('[lake] internal error', e);
    return json(500, { __type: 'InternalFailure', Message: 'The lake failed to process the request; see the server log.' }, call.requestId, 'InternalFailure');
  } finally {
    // the audit log must not turn an answered call into a failure; a lost entry is logged instead
    await access.record(call).catch((e: unknown) => console.error('[lake] could not record the call in the audit log', e));
  }
}

function operationOf(target: string | undefined): string {
  const prefix = TARGET_PREFIXES.find((p) => target?.startsWith(p));
  return prefix ? target!.slice(prefix.length) : '';
}

function parseBody(body: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = body.trim() ? JSON.parse(body) : {};
  } catch {
    throw new LakeError('SerializationException', 'The request body is not valid JSON.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new LakeError('SerializationException', 'The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

function json(status: number, body: unknown, requestId: string, errorType?: string): RawResponse {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  if (status === 413) headers.connection = 'close'; // sent before the body is read: see lib/http/errors.ts
  return { status, headers, body: stringifyWithRaw(body) };
}
