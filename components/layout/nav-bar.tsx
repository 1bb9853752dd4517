'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { api, type Me } from '../api/accounts';
import { useMe } from './use-me';

const LINKS: { href: string; label: string; show: (m: Me) => boolean }[] = [
  { href: '/', label: 'Workbench', show: (m) => m.role !== 'viewer' }, // viewers may not run free SQL
  { href: '/saved', label: 'Saved queries', show: () => true },
  { href: '/history', label: 'History', show: () => true },
  { href: '/stores', label: 'Event data stores', show: () => true },
  { href: '/alerts', label: 'Alerts', show: () => true },
  { href: '/detections', label: 'Detections', show: () => true },
  { href: '/account/keys', label: 'Access keys', show: () => true },
  { href: '/account', label: 'Your account', show: () => true },
  { href: '/admin/users', label: 'Admin', show: (m) => m.role === 'admin' },
];

function matches(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`) || (href === '/admin/users' && pathname.startsWith('/admin'));
}

/** The one link for this page: the longest that matches (/account/keys is "Access keys", not also "Your account"). */
function currentHref(pathname: string): string | undefined {
  return LINKS.filter((l) => matches(pathname, l.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/**
 * Site navigation, the signed-in user and Sign out. Pass `user` when the page already has it
 * (null while it loads); without the prop it asks /api/me itself and shows nothing when signed out.
 */
export function NavBar({ user }: { user?: Me | null }) {
  if (user === undefined) return <SelfLoadingNavBar />;
  return user ? <NavLinks me={user} /> : null;
}

function SelfLoadingNavBar() {
  const { me } = useMe(false);
  return me ? <NavLinks me={me} /> : null;
}

function NavLinks({ me }: { me: Me }) {
  const pathname = usePathname() ?? '/';
  const current = currentHref(pathname);
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    try {
      await api.signOut();
    } finally {
      window.location.assign('/login');
    }
  }

  return (
    <nav className="acc-nav" aria-label="Main">
      <ul>
        {LINKS.filter((l) => l.show(me)).map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={l.href === current ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
      <span className="acc-nav-user" title={`Signed in as ${me.email} (${me.role})`}>
        {me.email} <span className="acc-muted">({me.role})</span>
      </span>
      <button type="button" className="acc-button" onClick={signOut} disabled={busy}>
        Sign out
      </button>
    </nav>
  );
}
