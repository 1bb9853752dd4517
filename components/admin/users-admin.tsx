'use client';

import { useEffect, useState } from 'react';
import { api, type Me, type Role, type User } from '../api/accounts';
import { formatWhen } from '../format';
import { InviteForm } from './invite-form';
import { UserLinkActions } from './user-link-actions';
import { ErrorAlert } from '../forms/error-alert';

/** Every user: role (changeable), status (disable or enable), created and last sign-in, re-invite or reset link; and the invite form. */
export function UsersAdmin({ me }: { me: Me }) {
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  useEffect(() => {
    api.listUsers().then(setUsers, (e: unknown) => setError((e as Error).message));
  }, []);

  async function change(u: User, change: { role?: Role; disabled?: boolean }) {
    setError('');
    setNotice('');
    try {
      const updated = await api.changeUser(u.id, change);
      setUsers((list) => list?.map((x) => (x.id === updated.id ? updated : x)) ?? null);
      setNotice(change.role ? `${u.email} is now ${updated.role}.` : `${u.email} is ${updated.disabled ? 'disabled' : 'enabled'}.`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <>
      <InviteForm onInvited={(u) => setUsers((list) => [...(list ?? []), u])} />
      <section className="acc-panel" aria-labelledby="users-heading">
        <h2 id="users-heading">Users</h2>
        <ErrorAlert message={error} />
        {notice && <p role="status">{notice}</p>}
        {users && (
          <table className="acc-table" aria-label="Users">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => {
                const self = u.id === me.id;
                return (
                  <tr key={u.id}>
                    <td>{u.email}</td>
                    <td>{u.name}</td>
                    <td>
                      <select
                        aria-label={`Role of ${u.email}`}
                        value={u.role}
                        disabled={self}
                        onChange={(e) => void change(u, { role: e.target.value as Role })}
                      >
                        <option value="viewer">Viewer</option>
                        <option value="analyst">Analyst</option>
                        <option value="admin">Admin</option>
                      </select>
                    </td>
                    <td>{u.disabled ? 'Disabled' : u.lastLoginAt ? 'Active' : 'Not signed in yet'}</td>
                    <td>{formatWhen(u.createdAt)}</td>
                    <td>{formatWhen(u.lastLoginAt)}</td>
                    <td>
                      {!self && !u.disabled && <UserLinkActions user={u} />}
                      {!self && (
                        <button type="button" className="acc-button acc-secondary" onClick={() => void change(u, { disabled: !u.disabled })}>
                          {u.disabled ? 'Enable' : 'Disable'} {u.email}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
