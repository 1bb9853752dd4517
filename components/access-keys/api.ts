// The browser side of app/api/access-keys: a user's lake access keys (everyone's for admins).

import { request } from '../api/request';

export interface AccessKey {
  accessKeyId: string;
  name: string;
  ownerEmail: string;
  status: 'active' | 'revoked';
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  lastUsedOperation: string | null;
}

/** A key just created or rotated: the only time its secret is seen. */
export interface NewAccessKey {
  key: AccessKey;
  secretAccessKey: string;
}

const id = encodeURIComponent;

export const accessKeysApi = {
  list: (everyone = false) => request<{ keys: AccessKey[]; region: string }>(`/api/access-keys${everyone ? '?all=1' : ''}`),
  create: (name: string) => request<NewAccessKey>('/api/access-keys', { method: 'POST', json: { name } }),
  rotate: (keyId: string) => request<NewAccessKey>(`/api/access-keys/${id(keyId)}/rotate`, { method: 'POST', json: {} }),
  revoke: async (keyId: string) => (await request<{ key: AccessKey }>(`/api/access-keys/${id(keyId)}`, { method: 'DELETE' })).key,
};
