'use client';

import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { api } from '../api/accounts';
import { EMPTY_FIELDS, inputOf, QueryForm, type QueryFields } from './query-form';
import { ErrorAlert } from '../forms/error-alert';

/**
 * Reads the prefill of `/saved/new`: `sql`, `storeId`, `connectionId`, `name`, `description`,
 * `tags` (comma-separated) and `folder`, from the query string or, for SQL too long for a URL
 * a server accepts, from the fragment (`/saved/new#sql=...`; the fragment wins).
 */
export function prefillFromLocation(search: string, hash: string): QueryFields {
  const p = new URLSearchParams(search);
  for (const [k, v] of new URLSearchParams(hash.replace(/^#/, ''))) p.set(k, v);
  const get = (k: string) => p.get(k) ?? '';
  return {
    ...EMPTY_FIELDS,
    name: get('name'),
    description: get('description'),
    tags: get('tags'),
    folder: get('folder'),
    sql: get('sql'),
    storeId: p.get('storeId') || null,
    connectionId: (p.get('storeId') && p.get('connectionId')) || null,
  };
}

/** The form that creates a saved query (version 1), then opens it. */
export function NewSavedQuery() {
  const router = useRouter();
  const [fields, setFields] = useState<QueryFields | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setFields(prefillFromLocation(window.location.search, window.location.hash));
  }, []);

  if (!fields) return null;

  async function save() {
    setBusy(true);
    setError('');
    try {
      const q = await api.createSaved(inputOf(fields!));
      router.push(`/saved/${q.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <>
      <QueryForm
        fields={fields}
        onChange={setFields}
        readOnly={false}
        onSave={() => void save()}
        canSave={!busy && !!fields.name.trim() && !!fields.sql.trim()}
      />
      <ErrorAlert message={error} />
    </>
  );
}
