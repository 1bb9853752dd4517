'use client';

import { PageShell } from '@/components/layout/page-shell';
import { AccessKeysPanel } from '@/components/access-keys/access-keys-panel';

export default function AccessKeysPage() {
  return <PageShell title="Lake access keys">{(me) => <AccessKeysPanel me={me} />}</PageShell>;
}
