'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { api, type Me, type SavedQuery } from '../api/accounts';
import { formatWhen } from '../format';
import { SubmitButton } from '../forms/submit-button';
import { ErrorAlert } from '../forms/error-alert';

const ACCESS_LABEL = { owner: 'Yours', editor: 'Shared with you (editor)', viewer: 'Shared with you (viewer)' } as const;

/** Saved queries the user may open; search by text (name, description, tags, SQL) and by tag. */
export function SavedList({ me }: { me: Me }) {
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [queries, setQueries] = useState<SavedQuery[] | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async (search: { q?: string; tag?: string }) => {
    setError('');
    try {
      setQueries(await api.listSaved(search));
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    void load({});
  }, [load]);

  function filterByTag(t: string) {
    setTag(t);
    void load({ q: text.trim(), tag: t });
  }

  return (
    <>
      {me.role === 'viewer' && (
        <p className="acc-notice" role="note" aria-label="What you can do">
          Your account is a viewer: open a query shared with you to run it and export its results; your runs are in <Link href="/history">History</Link>.
        </p>
      )}
      <div className="acc-toolbar">
        <form
          role="search"
          aria-label="Search saved queries"
          className="acc-row"
          onSubmit={(e) => {
            e.preventDefault();
            void load({ q: text.trim(), tag: tag.trim() });
          }}
        >
          <label>
            Text <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="name, description, tag or SQL" />
          </label>
          <label>
            Tag <input type="text" value={tag} onChange={(e) => setTag(e.target.value)} placeholder="exact tag" />
          </label>
          <SubmitButton className="acc-button">Search</SubmitButton>
          {(text || tag) && (
            <button
              type="button"
              className="acc-button acc-secondary"
              onClick={() => {
                setText('');
                setTag('');
                void load({});
              }}
            >
              Clear search
            </button>
          )}
        </form>
        {me.role !== 'viewer' && (
          <Link className="acc-button acc-link-button" href="/saved/new">
            New saved query
          </Link>
        )}
      </div>
      <ErrorAlert message={error} />
      {queries && queries.length === 0 && (
        <p className="acc-muted">
          {text || tag ? 'No saved queries match this search.' : me.role === 'viewer' ? 'Nobody has shared a query with you yet.' : 'No saved queries yet.'}
        </p>
      )}
      {queries && queries.length > 0 && (
        <table className="acc-table" aria-label="Saved queries">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Tags</th>
              <th scope="col">Folder</th>
              <th scope="col">Updated</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {queries.map((q) => (
              <tr key={q.id}>
                <td>
                  <Link href={`/saved/${q.id}`}>{q.name}</Link>
                  {q.description && <div className="acc-muted acc-clip">{q.description}</div>}
                </td>
                <td>
                  {q.tags.map((t) => (
                    <button key={t} type="button" className="acc-tag" onClick={() => filterByTag(t)} aria-label={`Show queries tagged ${t}`}>
                      {t}
                    </button>
                  ))}
                </td>
                <td>{q.folder || '—'}</td>
                <td>
                  {formatWhen(q.updatedAt)}{' '}
                  <span className="acc-muted">
                    by {q.updatedBy} (v{q.version})
                  </span>
                </td>
                <td>{ACCESS_LABEL[q.access]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
