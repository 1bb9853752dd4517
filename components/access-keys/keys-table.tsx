'use client';

import { formatWhen } from '../format';
import type { AccessKey } from './api';

/** Keys with their status and last use; active ones can be rotated or revoked. `showOwner` for the admin's view of everyone's. */
export function KeysTable({
  keys,
  label,
  showOwner,
  onRotate,
  onRevoke,
}: {
  keys: AccessKey[];
  label: string;
  showOwner?: boolean;
  onRotate?: (k: AccessKey) => void;
  onRevoke: (k: AccessKey) => void;
}) {
  if (!keys.length) return <p className="acc-muted">No access keys.</p>;
  return (
    <table className="acc-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Access key ID</th>
          <th scope="col">Name</th>
          {showOwner && <th scope="col">Owner</th>}
          <th scope="col">Status</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Last operation</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k.accessKeyId}>
            <td className="acc-id">{k.accessKeyId}</td>
            <td>{k.name}</td>
            {showOwner && <td>{k.ownerEmail}</td>}
            <td>{k.status === 'active' ? 'Active' : `Revoked ${formatWhen(k.revokedAt)}`}</td>
            <td>{formatWhen(k.createdAt)}</td>
            <td>{formatWhen(k.lastUsedAt)}</td>
            <td>{k.lastUsedOperation ?? '—'}</td>
            <td>
              {k.status === 'active' && (
                <div className="acc-row">
                  {onRotate && (
                    <button type="button" className="acc-button acc-secondary" aria-label={`Rotate key ${k.accessKeyId}`} onClick={() => onRotate(k)}>
                      Rotate
                    </button>
                  )}
                  <button type="button" className="acc-button acc-secondary" aria-label={`Revoke key ${k.accessKeyId}`} onClick={() => onRevoke(k)}>
                    Revoke
                  </button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
