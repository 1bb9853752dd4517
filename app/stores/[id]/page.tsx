'use client';

import { useParams } from 'next/navigation';
import { PageShell } from '@/components/layout/page-shell';
import { StoreView } from '@/components/lake-admin/store-view';
import '@/components/lake-admin/lake-admin.css';

export default function StorePage() {
  const { id } = useParams<{ id: string }>();
  return <PageShell>{(me) => <StoreView id={id} role={me.role} />}</PageShell>;
}
