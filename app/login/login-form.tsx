'use client';
import { useState } from 'react';
import { SubmitButton } from '@/components/forms/submit-button';
import { signInWithPassword } from '@/components/account/sign-in';
import { safeNextPath } from '@/lib/http/safe-redirect';

/** Signs in through next-auth's credentials endpoint, then opens the workbench (or `next`). */
export default function LoginForm({ oidcName }: { oidcName?: string }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError('');
    const form = new FormData(e.currentTarget);
    const signedIn = await signInWithPassword(String(form.get('email')), String(form.get('password')));
    setBusy(false);
    if (signedIn) {
      window.location.assign(safeNextPath(new URLSearchParams(window.location.search).get('next'), window.location.origin));
    } else {
      setError('Sign-in failed: wrong email or password, or too many attempts (wait 15 minutes).');
    }
  }

  return (
    <form className="auth-form" method="post" onSubmit={submit} aria-label="Sign in">
      <h1>Sign in to Trailbench</h1>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p role="alert" className="auth-error">
          {error}
        </p>
      )}
      <SubmitButton disabled={busy}>Sign in</SubmitButton>
      {oidcName && (
        // eslint-disable-next-line @next/next/no-html-link-for-pages -- next-auth's OIDC sign-in is a route handler: a full navigation
        <a className="auth-sso" href="/api/auth/signin/oidc">
          Sign in with {oidcName}
        </a>
      )}
    </form>
  );
}
