'use client';

import { useState } from 'react';
import { PASSWORD_MIN } from '@/lib/auth/password-rule';
import { SubmitButton } from '../forms/submit-button';
import { api, type Me } from '../api/accounts';
import { signInWithPassword } from './sign-in';
import { ErrorAlert } from '../forms/error-alert';

/**
 * Changes the signed-in user's password. The change ends all of their sessions (this one too),
 * so the form signs in again with the new password.
 */
export function ChangePasswordForm({ me }: { me: Me }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError('');
    setNotice('');
    if (next !== repeat) return setError('The new password and its repetition differ.');
    setBusy(true);
    try {
      await api.changePassword({ currentPassword: current, newPassword: next });
      if (!(await signInWithPassword(me.email, next))) return window.location.assign('/login');
      setCurrent('');
      setNext('');
      setRepeat('');
      setNotice('Password changed. Your other sessions are signed out.');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="acc-panel" aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <form className="acc-row" onSubmit={submit} aria-label="Change password">
        <input type="text" name="username" autoComplete="username" value={me.email} readOnly hidden />
        <label>
          Current password
          <input type="password" required autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>
          New password (at least {PASSWORD_MIN} characters)
          <input type="password" required minLength={PASSWORD_MIN} autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <label>
          Repeat new password
          <input type="password" required minLength={PASSWORD_MIN} autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </label>
        <SubmitButton className="acc-button" disabled={busy}>
          Change password
        </SubmitButton>
      </form>
      <ErrorAlert message={error} />
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}
