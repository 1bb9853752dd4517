// The browser side of app/api/access-keys: a user's lake access keys (everyone's for admins).

import { request } from '../api/request';
import type { NewAccessKey, PublicAccessKey } from '@/lib/lake-access/access-keys';

export type AccessKey = PublicAccessKey;

/** A key just created or rotated: the only time its secret is seen. */
export type { NewAccessKey };

const id = encodeURIComponent;

export const accessKeysApi = {
  list: (everyone = false) => request<{ keys: AccessKey[]; region: string }>(`/api/access-keys${everyone ? '?all=1' : ''}`),
  create: (name: string) => request<NewAccessKey>('/api/access-keys', { method: 'POST', json: { name } }),
  rotate: (keyId: string) => request<NewAccessKey>(`/api/access-keys/${id(keyId)}/rotate`, { method: 'POST', json: {} }),
  revoke: async (keyId: string) => (await request<{ key: AccessKey }>(`/api/access-keys/${id(keyId)}`, { method: 'DELETE' })).key,
};
