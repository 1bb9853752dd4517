import type { Role } from '../db/schema';
import { LakeError } from '../lake/errors';

/**
 * What a lake access key may call, by its owner's role. Viewers may only read store metadata
 * (the store list they already see in the console): their console access is the saved queries
 * shared with them, which the CloudTrail API cannot express, so their keys run no SQL at all.
 * Analysts also query; only admins (and the server's own key) manage stores, imports and ingestion.
 */
const STORE_METADATA = ['ListEventDataStores', 'GetEventDataStore', 'TrailbenchDescribeStorage', 'TrailbenchGetIngestionSource'];
const QUERIES = ['StartQuery', 'DescribeQuery', 'GetQueryResults', 'CancelQuery', 'ListQueries', 'TrailbenchEstimateQuery'];

const ALLOWED: Record<Exclude<Role, 'admin'>, ReadonlySet<string>> = {
  viewer: new Set(STORE_METADATA),
  analyst: new Set([...STORE_METADATA, ...QUERIES]),
};

/** Operations whose input names a query, which only its starter (or an admin) may see. */
export const QUERY_ID_OPERATIONS: ReadonlySet<string> = new Set(['DescribeQuery', 'GetQueryResults', 'CancelQuery']);

export function requireLakePermission(role: Role, operation: string, who: string): void {
  if (role === 'admin' || ALLOWED[role].has(operation)) return;
  const why =
    role === 'viewer'
      ? `a viewer's lake key may only call ${STORE_METADATA.join(', ')}; running queries needs the analyst role`
      : 'managing event data stores, imports and ingestion needs the admin role';
  throw new LakeError('AccessDeniedException', `${who} is not authorized to perform cloudtrail:${operation}: ${why}.`, 400);
}
