import { lifetimeText } from '@/lib/auth/link-lifetimes';

/** On the sign-in page while there are no users: the two ways to create the first admin. */
export function FirstAdminHelp() {
  return (
    <section className="auth-form" aria-labelledby="first-admin-heading">
      <h2 id="first-admin-heading">No users yet: create the first admin</h2>
      <p>
        Open the one-time <strong>setup link</strong> the server printed in its console output when it started (the line after “Trailbench has no users yet”,
        ending in <code>/setup?token=…</code>). It works once, for {lifetimeText('setup')}; restarting the server prints a new one.
      </p>
      <p>
        Or start the server with <code>TRAILBENCH_ADMIN_EMAIL</code> and <code>TRAILBENCH_ADMIN_PASSWORD</code> set: that account is created as the first admin,
        and you sign in with it here.
      </p>
    </section>
  );
}
