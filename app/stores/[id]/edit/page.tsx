'use client';

import { useParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { PageShell } from '@/components/layout/page-shell';
import { lakeApi, type StoreDescription } from '@/components/lake-admin/api';
import { StoreWizard } from '@/components/lake-admin/store-wizard';
import '@/components/lake-admin/lake-admin.css';
import { ErrorAlert } from '../../../../components/forms/error-alert';

function EditStore({ id }: { id: string }) {
  const [store, setStore] = useState<StoreDescription | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    lakeApi.store(id).then(
      (s) => setStore(s.store),
      (e: Error) => setError(e.message),
    );
  }, [id]);
  if (error) return <ErrorAlert message={error} />;
  return store ? <StoreWizard existing={store} /> : <p className="acc-muted">Loading…</p>;
}

export default function EditStorePage() {
  const { id } = useParams<{ id: string }>();
  return (
    <PageShell title="Edit event data store" roles={['admin']}>
      {() => <EditStore id={id} />}
    </PageShell>
  );
}
