'use client';

import { PageShell } from '@/components/accounts/page-shell';
import { AccessKeysPanel } from '@/components/access-keys/access-keys-panel';
import '@/components/accounts/accounts.css';

export default function AccessKeysPage() {
  return <PageShell title="Lake access keys">{(me) => <AccessKeysPanel me={me} />}</PageShell>;
}
