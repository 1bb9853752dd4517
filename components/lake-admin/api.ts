// The browser side of the console's lake routes (app/api/lake-admin/*): stores, their changes
// and imports, on one lake (`connection`/`region`; the built-in lake by default).

import { request } from '../api/request';
import type { AdvancedEventSelector } from '@/lib/lake-admin/store-form';
import type { FollowStatus, StoreStorage } from '@/lib/lake-admin/lake-calls';
import { targetQuery, type LakeTarget } from './lake-target';

export type { FollowStatus, StoreStorage };

export interface StoreDescription {
  EventDataStoreArn: string;
  Name: string;
  Status: string;
  RetentionPeriod: number;
  BillingMode?: string;
  MultiRegionEnabled: boolean;
  OrganizationEnabled: boolean;
  TerminationProtectionEnabled: boolean;
  AdvancedEventSelectors: AdvancedEventSelector[];
  CreatedTimestamp: string;
  UpdatedTimestamp: string;
}
export interface StoreOverview {
  id: string;
  store: StoreDescription;
  storage?: StoreStorage;
  follow?: FollowStatus;
}

export interface ImportStatistics {
  FilesCompleted?: number;
  PrefixesCompleted?: number;
  PrefixesFound?: number;
  FailedEntries?: number;
  EventsCompleted?: number;
}
export interface ImportFailure {
  Location?: string;
  Status?: string;
  ErrorType?: string;
  ErrorMessage?: string;
  LastUpdatedTime?: string;
}
export interface ImportDetail {
  ImportId: string;
  ImportStatus: string;
  Destinations: string[];
  ImportSource?: { S3?: { S3LocationUri?: string } };
  StartEventTime?: string;
  EndEventTime?: string;
  CreatedTimestamp?: string;
  UpdatedTimestamp?: string;
  ImportStatistics?: ImportStatistics;
  Failures: ImportFailure[];
}

const q = targetQuery;
export interface LakeConnection {
  id: string;
  name: string;
  type: string;
  regions: string[];
}
export const listConnections = () => request<{ connections: LakeConnection[] }>('/api/connections').then((r) => r.connections);

const store = (id: string) => `/api/lake-admin/stores/${encodeURIComponent(id)}`;

export const lakeApi = {
  stores: (t?: LakeTarget) => request<{ stores: StoreOverview[] }>(`/api/lake-admin/stores${q(t)}`),
  store: (id: string, t?: LakeTarget) => request<StoreOverview>(`${store(id)}${q(t)}`),
  create: (req: object, t?: LakeTarget) => request<{ EventDataStoreArn: string }>(`/api/lake-admin/stores${q(t)}`, { method: 'POST', json: req }),
  update: (id: string, req: object, t?: LakeTarget) => request<StoreDescription>(`${store(id)}${q(t)}`, { method: 'PATCH', json: req }),
  action: (id: string, action: 'delete' | 'restore' | 'start-ingestion' | 'stop-ingestion', t?: LakeTarget) =>
    request<object>(`${store(id)}/${action}${q(t)}`, { method: 'POST', json: {} }),
  follow: (id: string, source: { SourceUri: string | null; S3BucketRegion?: string }, t?: LakeTarget) =>
    request<FollowStatus>(`${store(id)}/follow${q(t)}`, { method: 'POST', json: source }),
  checkSelectors: (selectors: AdvancedEventSelector[]) =>
    request<{ ok: true }>('/api/lake-admin/selectors', { method: 'POST', json: { AdvancedEventSelectors: selectors } }),
  imports: (destination?: string, t?: LakeTarget) => request<{ imports: ImportDetail[] }>(`/api/lake-admin/imports${q(t, destination ? { destination } : {})}`),
  importDetail: (id: string, t?: LakeTarget) => request<ImportDetail>(`/api/lake-admin/imports/${encodeURIComponent(id)}${q(t)}`),
  startImport: (input: { destinations: string[]; source: string; startEventTime?: number; endEventTime?: number }, t?: LakeTarget) =>
    request<{ imports: ImportDetail[] }>(`/api/lake-admin/imports${q(t)}`, { method: 'POST', json: input }),
  stopImport: (id: string, t?: LakeTarget) =>
    request<ImportDetail>(`/api/lake-admin/imports/${encodeURIComponent(id)}/stop${q(t)}`, { method: 'POST', json: {} }),
};
