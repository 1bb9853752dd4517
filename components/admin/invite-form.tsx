'use client';

import { useState } from 'react';
import { api, type Role, type User } from '../api/accounts';
import { SubmitButton } from '../forms/submit-button';
import { OneTimeLink } from './one-time-link';
import { lifetimeText } from '@/lib/auth/link-lifetimes';
import { ErrorAlert } from '../forms/error-alert';

/** Invites a user with a role; shows the one-time link to hand to them (valid 7 days, shown once). */
export function InviteForm({ onInvited }: { onInvited: (u: User) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [invite, setInvite] = useState<{ email: string; url: string } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const out = await api.inviteUser({ email: email.trim(), name: name.trim() || undefined, role });
      setInvite({ email: out.user.email, url: out.inviteUrl });
      setEmail('');
      setName('');
      onInvited(out.user);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="acc-panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a user</h2>
      <form className="acc-row" onSubmit={submit} aria-label="Invite a user">
        <label>
          Email
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Name (optional)
          <input type="text" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Role
          <select aria-label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="viewer">Viewer</option>
            <option value="analyst">Analyst</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <SubmitButton className="acc-button" disabled={busy}>
          Invite
        </SubmitButton>
      </form>
      <ErrorAlert message={error} />
      {invite && (
        <OneTimeLink
          what="Invite link"
          email={invite.email}
          url={invite.url}
          note={`Send this one-time link to ${invite.email}; it is shown only now and works once, for ${lifetimeText('invite')}.`}
        />
      )}
    </section>
  );
}
