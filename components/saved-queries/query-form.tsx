'use client';

import type { ReactNode } from 'react';
import type { SavedQuery, SavedQueryInput, SavedQueryVersion } from '../api/accounts';
import { SavedSqlEditor } from './saved-sql-editor';
import { StoreSelect } from '../forms/store-select';
import { SubmitButton } from '../forms/submit-button';

/** The editable fields of a saved query; tags as comma-separated text. */
export interface QueryFields {
  name: string;
  description: string;
  tags: string;
  folder: string;
  sql: string;
  storeId: string | null;
  connectionId: string | null;
}

export const EMPTY_FIELDS: QueryFields = { name: '', description: '', tags: '', folder: '', sql: '', storeId: null, connectionId: null };

export function fieldsOf(q: SavedQuery): QueryFields {
  return { name: q.name, description: q.description, tags: q.tags.join(', '), folder: q.folder, sql: q.sql, storeId: q.storeId, connectionId: q.connectionId };
}

/** A stored version's tags (its row keeps them as JSON text; unreadable ones count as none). */
export function tagsOfVersion(v: SavedQueryVersion): string[] {
  try {
    return JSON.parse(v.tags) as string[];
  } catch {
    return [];
  }
}

export function fieldsOfVersion(v: SavedQueryVersion): QueryFields {
  return {
    name: v.name,
    description: v.description,
    tags: tagsOfVersion(v).join(', '),
    folder: v.folder,
    sql: v.sql,
    storeId: v.store_id,
    connectionId: v.connection_id,
  };
}

export function inputOf(f: QueryFields): SavedQueryInput {
  const tags = [
    ...new Set(
      f.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  return { name: f.name.trim(), description: f.description, tags, folder: f.folder.trim(), sql: f.sql, storeId: f.storeId, connectionId: f.connectionId };
}

export function sameFields(a: QueryFields, b: QueryFields): boolean {
  return JSON.stringify(inputOf(a)) === JSON.stringify(inputOf(b));
}

interface Props {
  fields: QueryFields;
  onChange: (f: QueryFields) => void;
  readOnly: boolean;
  onSave: () => void;
  canSave: boolean;
  /** Extra controls next to Save (or alone, read-only). */
  actions?: ReactNode;
  /** Changes when the SQL is replaced from outside (another version loaded), so the editor shows it. */
  sqlRevision?: string;
}

/** Name, description, tags, folder, default store and SQL (in Monaco); read-only for those who may only view. */
export function QueryForm({ fields, onChange, readOnly, onSave, canSave, actions, sqlRevision = 'new' }: Props) {
  const set = (patch: Partial<QueryFields>) => onChange({ ...fields, ...patch });
  return (
    <form
      className="acc-form"
      aria-label="Saved query"
      onSubmit={(e) => {
        e.preventDefault();
        if (!readOnly && canSave) onSave();
      }}
    >
      <label>
        Name
        <input type="text" required maxLength={200} value={fields.name} readOnly={readOnly} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label>
        Description
        <textarea rows={2} maxLength={5000} value={fields.description} readOnly={readOnly} onChange={(e) => set({ description: e.target.value })} />
      </label>
      <div className="acc-row">
        <label>
          Tags (comma-separated)
          <input type="text" value={fields.tags} readOnly={readOnly} onChange={(e) => set({ tags: e.target.value })} />
        </label>
        <label>
          Folder
          <input type="text" maxLength={200} value={fields.folder} readOnly={readOnly} onChange={(e) => set({ folder: e.target.value })} />
        </label>
        <StoreSelect value={fields} disabled={readOnly} onChange={(v) => set(v)} />
      </div>
      <SavedSqlEditor value={fields.sql} revision={sqlRevision} readOnly={readOnly} onChange={(sql) => set({ sql })} />
      <div className="acc-row">
        {!readOnly && (
          <SubmitButton className="acc-button" disabled={!canSave}>
            Save
          </SubmitButton>
        )}
        {actions}
      </div>
    </form>
  );
}
