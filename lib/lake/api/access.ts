import type { Lake } from '../lake';

/**
 * Who may call the lake's CloudTrail API, and what is kept of each call. The lake itself knows
 * only its own key pair (`serverKeyAccess`); the app adds per-user keys, roles, query ownership
 * and the audit log (lib/lake-access/lake-access.ts) without the lake depending on the app database.
 */
export interface LakeCaller {
  accessKeyId: string;
  secretAccessKey: string;
  /** For the audit log and messages: 'server key', or the key's owner. */
  label: string;
  userId: string | null;
}

export interface LakeCall {
  requestId: string;
  operation: string;
  /** The key ID the request named, whether or not it was valid. */
  accessKeyId?: string;
  /** The caller, once known; `authenticated` once its signature checked out. */
  caller?: LakeCaller;
  authenticated: boolean;
  storeId?: string;
  bytesScanned?: number;
  /** 'ok', or the error type returned. */
  outcome: string;
}

export interface LakeAccess {
  /** The caller holding an access key ID, if it exists and may be used now. */
  caller(accessKeyId: string): Promise<LakeCaller | undefined>;
  /** Throws (AccessDeniedException, or not-found for another user's query) when the caller may not make this call. */
  authorize(caller: LakeCaller, operation: string, input: Record<string, unknown>): Promise<void>;
  /** After a successful call: what the caller gets to see of its output (and bookkeeping, e.g. who started a query). */
  afterCall(caller: LakeCaller, operation: string, input: Record<string, unknown>, output: unknown): Promise<unknown>;
  /** Every call, however it ended. */
  record(call: LakeCall): Promise<void>;
}

/** The lake's own key pair and nothing else: the in-process client, the CLI and benchmarks. */
export function serverKeyAccess(lake: Lake): LakeAccess {
  const server: LakeCaller = { ...lake.credentials, label: 'server key', userId: null };
  return {
    caller: async (id) => (id === server.accessKeyId ? server : undefined),
    authorize: async () => {},
    afterCall: async (_c, _o, _i, output) => output,
    record: async () => {},
  };
}
