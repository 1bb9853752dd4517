import { randomUUID } from 'node:crypto';
import type { Lake } from '../lake';
import { LakeError } from '../errors';
import { verifySigV4, type RawRequest } from './sigv4';
import { stringifyWithRaw } from './raw-json';
import { queryOperations } from './operations/queries';
import { storeOperations } from './operations/stores';
import { followOperations, importOperations } from './operations/imports';

/** Both X-Amz-Target prefixes clients send: botocore's and the JS SDK v3's. */
const TARGET_PREFIXES = ['com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.', 'CloudTrail_20131101.'];

type Operation = (lake: Lake, body: unknown) => unknown;
const OPERATIONS: Record<string, Operation> = { ...storeOperations, ...queryOperations, ...importOperations, ...followOperations };

export interface RawResponse { status: number; headers: Record<string, string>; body: string }

/** The lake's CloudTrail endpoint: AWS JSON 1.1 over HTTP POST, SigV4-authenticated. */
export async function handleLakeRequest(lake: Lake, req: RawRequest): Promise<RawResponse> {
  const requestId = randomUUID();
  try {
    if (req.method !== 'POST') throw new LakeError('UnknownOperationException', 'The lake accepts AWS JSON 1.1 requests: POST with an X-Amz-Target header.', 404);
    await verifySigV4(req, lake.credentials);
    const target = req.headers['x-amz-target'] ?? '';
    const prefix = TARGET_PREFIXES.find((p) => target.startsWith(p));
    const name = prefix ? target.slice(prefix.length) : '';
    const op = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
    if (!op) throw new LakeError('UnknownOperationException', `Unknown or unsupported operation: ${target || '(no X-Amz-Target header)'}`);
    let body: unknown;
    try {
      body = req.body.trim() ? JSON.parse(req.body) : {};
    } catch {
      throw new LakeError('SerializationException', 'The request body is not valid JSON.');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new LakeError('SerializationException', 'The request body must be a JSON object.');
    const out = await op(lake, body);
    return json(200, out, requestId);
  } catch (e) {
    if (LakeError.is(e)) return json(e.status, { __type: e.type, Message: e.message }, requestId, e.type);
    console.error('[lake] internal error', e);
    return json(500, { __type: 'InternalFailure', Message: 'The lake failed to process the request; see the server log.' }, requestId, 'InternalFailure');
  }
}

function json(status: number, body: unknown, requestId: string, errorType?: string): RawResponse {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  return { status, headers, body: stringifyWithRaw(body) };
}
