'use client';

import { useEffect, useRef, useState } from 'react';
import { EMPTY_EDITOR_CONTEXT } from '../editor/editor-context';
import { SqlEditor, type SqlEditorHandle } from '../editor/sql-editor';

/**
 * A saved query's SQL in the workbench's Monaco editor (same highlighting, completion, lint and
 * formatting). Monaco keeps one model per path and reads `value` only when it creates one, so
 * `revision` (the saved version) is part of the path: loading another version shows its text.
 */
export function SavedSqlEditor({
  value,
  revision,
  onChange,
  readOnly,
}: {
  value: string;
  revision: string;
  onChange: (sql: string) => void;
  readOnly?: boolean;
}) {
  // A path of this mount's own: models outlive the page in a client-side navigation.
  const [instance] = useState(() => Math.random().toString(36).slice(2, 10));
  const path = `file:///saved/${instance}/${revision}.sql`;
  const handle = useRef<SqlEditorHandle | null>(null);
  const shown = useRef(path);

  useEffect(() => {
    const previous = shown.current;
    shown.current = path;
    if (previous !== path) handle.current?.disposeModel(previous);
  }, [path]);

  return (
    <div className="saved-sql">
      <span className="saved-sql-label" aria-hidden="true">
        SQL
      </span>
      <SqlEditor
        path={path}
        defaultValue={value}
        onChange={(p, sql) => p === shown.current && onChange(sql)}
        // Ctrl+Enter has nothing to run here: the Run panel runs the saved version.
        onRun={() => undefined}
        onReady={(h) => {
          handle.current = h;
        }}
        context={EMPTY_EDITOR_CONTEXT}
        readOnly={readOnly}
      />
    </div>
  );
}
