'use client';

import type { ReactNode } from 'react';
import type { Me, Role } from '../api/accounts';
import { useMe } from './use-me';
import { ErrorAlert } from '../forms/error-alert';

/**
 * The frame of every accounts page: navigation, a heading (or the content's own), and the content once the signed-in
 * user is known (a sign-in redirect without a session; a notice for a role that may not see it).
 */
export function PageShell({ title, roles, children }: { title?: string; roles?: Role[]; children: (me: Me) => ReactNode }) {
  const { me, error } = useMe(true);
  return (
    <>
      <main className="acc-page">
        {title && <h1>{title}</h1>}
        <ErrorAlert message={error} />
        {!me && !error && <p className="acc-muted">Loading…</p>}
        {me && roles && !roles.includes(me.role) ? (
          <p role="alert" className="acc-error">
            This page is for {roles.join(' or ')} users; you are signed in as {me.role}.
          </p>
        ) : (
          me && children(me)
        )}
      </main>
    </>
  );
}
