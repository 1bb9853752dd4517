'use client';
import { useState } from 'react';
import type { TokenKind } from '@/lib/db/schema';
import { SubmitButton } from '@/components/forms/submit-button';
import { signInWithPassword } from '@/components/account/sign-in';
import { PASSWORD_MIN } from '@/lib/auth/password-rule';

const ROUTES: Record<TokenKind, string> = { setup: '/api/setup', invite: '/api/invites/accept', reset: '/api/password-reset' };
const BUTTONS: Record<TokenKind, string> = { setup: 'Create admin', invite: 'Set password', reset: 'Set new password' };

/**
 * Sets a password with a one-time link: the first admin's setup link (who is then signed in),
 * an invite link or a password-reset link (who then sign in).
 */
export default function PasswordForm({ kind, heading }: { kind: TokenKind; heading: string }) {
  const [message, setMessage] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    const form = new FormData(e.currentTarget);
    const token = new URLSearchParams(window.location.search).get('token') ?? '';
    const password = String(form.get('password'));
    const name = form.get('name') || undefined;
    const body = kind === 'setup' ? { token, email: form.get('email'), name, password } : kind === 'invite' ? { token, name, password } : { token, password };
    const res = await fetch(ROUTES[kind], { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const out = await res.json();
    if (!res.ok) {
      setBusy(false);
      setMessage(out.error?.message ?? 'Something went wrong.');
      return;
    }
    // the first admin goes straight in: they just proved who they are with the setup link
    if (kind === 'setup' && (await signInWithPassword(out.user.email, password))) return window.location.assign('/');
    setBusy(false);
    setDone(true);
    setMessage(`${kind === 'reset' ? 'New password set' : 'Account ready'} for ${out.user.email}. Sign in now.`);
  }

  return (
    <form className="auth-form" method="post" onSubmit={submit} aria-label={heading}>
      <h1>{heading}</h1>
      {kind === 'setup' && (
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
      )}
      {kind !== 'reset' && (
        <label>
          Name
          <input name="name" type="text" maxLength={100} />
        </label>
      )}
      <label>
        Password (at least {PASSWORD_MIN} characters)
        <input name="password" type="password" minLength={PASSWORD_MIN} autoComplete="new-password" required />
      </label>
      {message && (
        <p role={done ? 'status' : 'alert'} className={done ? 'auth-ok' : 'auth-error'}>
          {message}
        </p>
      )}
      {done ? <a href="/login">Go to sign-in</a> : <SubmitButton disabled={busy}>{BUTTONS[kind]}</SubmitButton>}
    </form>
  );
}
