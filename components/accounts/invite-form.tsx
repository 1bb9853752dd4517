'use client';

import { useState } from 'react';
import { api, type Role, type User } from './api';
import { SubmitButton } from '../forms/submit-button';

/** Invites a user with a role; shows the one-time link to hand to them (valid 7 days, shown once). */
export function InviteForm({ onInvited }: { onInvited: (u: User) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [invite, setInvite] = useState<{ email: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    setCopied(false);
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

  async function copy() {
    if (!invite) return;
    try {
      await navigator.clipboard.writeText(invite.url);
      setCopied(true);
    } catch {
      setCopied(false);
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
      {error && <p role="alert" className="acc-error">{error}</p>}
      {invite && (
        <div className="acc-notice" role="status">
          <p>Send this one-time link to {invite.email}; it is shown only now and works once, for 7 days.</p>
          <div className="acc-row">
            <label className="acc-grow">
              Invite link for {invite.email}
              <input type="text" readOnly value={invite.url} onFocus={(e) => e.target.select()} />
            </label>
            <button type="button" className="acc-button acc-secondary" onClick={() => void copy()}>
              Copy invite link
            </button>
            {copied && <span>Copied.</span>}
          </div>
        </div>
      )}
    </section>
  );
}
