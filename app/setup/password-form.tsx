'use client';
import { useState } from 'react';
import { SubmitButton } from '@/components/forms/submit-button';

/** Sets a password with a one-time token: the first admin's setup link or an invite link. */
export default function PasswordForm({ kind }: { kind: 'setup' | 'invite' }) {
  const [message, setMessage] = useState('');
  const [done, setDone] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const token = new URLSearchParams(window.location.search).get('token') ?? '';
    const body = kind === 'setup'
      ? { token, email: form.get('email'), name: form.get('name') || undefined, password: form.get('password') }
      : { token, name: form.get('name') || undefined, password: form.get('password') };
    const res = await fetch(kind === 'setup' ? '/api/setup' : '/api/invites/accept', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const out = await res.json();
    if (res.ok) {
      setDone(true);
      setMessage(`Account ready for ${out.user.email}. Sign in now.`);
    } else {
      setMessage(out.error?.message ?? 'Something went wrong.');
    }
  }

  return (
    <form className="auth-form" method="post" onSubmit={submit} aria-label={kind === 'setup' ? 'Create the first admin' : 'Accept invitation'}>
      <h1>{kind === 'setup' ? 'Create the first admin' : 'Set your password'}</h1>
      {kind === 'setup' && <label>Email<input name="email" type="email" required /></label>}
      <label>Name<input name="name" type="text" /></label>
      <label>Password (at least 12 characters)<input name="password" type="password" minLength={12} autoComplete="new-password" required /></label>
      {message && <p role={done ? 'status' : 'alert'} className={done ? 'auth-ok' : 'auth-error'}>{message}</p>}
      {done ? <a href="/login">Go to sign-in</a> : <SubmitButton>{kind === 'setup' ? 'Create admin' : 'Set password'}</SubmitButton>}
    </form>
  );
}
