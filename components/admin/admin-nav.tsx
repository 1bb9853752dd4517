'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** Between the admin pages: users and the audit log. */
export function AdminNav() {
  const pathname = usePathname();
  const links = [
    { href: '/admin/users', label: 'Users' },
    { href: '/admin/audit', label: 'Audit log' },
  ];
  return (
    <nav className="acc-subnav" aria-label="Admin">
      {links.map((l) => (
        <Link key={l.href} href={l.href} aria-current={pathname === l.href ? 'page' : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
