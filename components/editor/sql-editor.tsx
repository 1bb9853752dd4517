'use client';

import dynamic from 'next/dynamic';

export interface SqlEditorProps {
  /** Initial text; the editor is uncontrolled after mount. */
  defaultValue: string;
  /** Called with the full text on every edit (and once at mount). */
  onChange: (sql: string) => void;
  /** Ctrl/Cmd+Enter (or "Run query" in the context menu), with the current text. */
  onRun: (sql: string) => void;
}

// Monaco touches `window`/`self` at import time, so it is only ever loaded in the browser.
const SqlEditorImpl = dynamic(() => import('./sql-editor-impl'), {
  ssr: false,
  loading: () => <div className="editor-loading">Loading editor…</div>,
});

export function SqlEditor(props: SqlEditorProps) {
  return (
    <section className="sql-editor" aria-label="SQL editor">
      <SqlEditorImpl {...props} />
    </section>
  );
}
