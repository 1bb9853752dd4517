'use client';

import { PageShell } from '@/components/layout/page-shell';
import { StoresList } from '@/components/lake-admin/stores-list';
import '@/components/lake-admin/lake-admin.css';

export default function StoresPage() {
  return <PageShell title="Event data stores">{(me) => <StoresList role={me.role} />}</PageShell>;
}
