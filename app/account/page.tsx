'use client';

import Link from 'next/link';
import { PageShell } from '@/components/layout/page-shell';
import { ChangePasswordForm } from '@/components/account/change-password-form';

export default function AccountPage() {
  return (
    <PageShell title="Your account">
      {(me) => (
        <>
          <section className="acc-panel" aria-labelledby="who-heading">
            <h2 id="who-heading">Signed in as</h2>
            <p>
              {me.name} — {me.email} ({me.role})
            </p>
            <p>
              <Link href="/account/keys">Lake access keys</Link>: keys for the AWS CLI and SDKs against this lake.
            </p>
          </section>
          <ChangePasswordForm me={me} />
        </>
      )}
    </PageShell>
  );
}
