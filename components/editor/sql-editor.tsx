'use client';

import dynamic from 'next/dynamic';
import type { EditorContext } from './editor-context';

/** What the workbench can do with the editor once it is mounted. */
export interface SqlEditorHandle {
  /** Replaces the selection (or inserts at the cursor) and focuses the editor; `cursor` is an offset into text. */
  insertText(text: string, cursor?: number): void;
  /** The selected text when there is a selection, else the whole query. */
  runnableSql(): { sql: string; selection: boolean };
  /** Formats the selection, or the whole query. */
  format(): void;
  /** Comments or uncomments the selected lines (`--`). */
  toggleComment(): void;
  focus(): void;
  /** Replaces every occurrence of `from` outside strings and comments (a store ID, when the picked store changes). */
  replaceInCode(from: string, to: string): void;
  /** Forgets a closed tab's text, undo history and markers. */
  disposeModel(path: string): void;
}

export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

export interface SqlEditorProps {
  /** One Monaco model per path: each tab keeps its own text, undo history and scroll position. */
  path: string;
  /** Text of the model when the path is first shown. */
  defaultValue: string;
  /** Called with the path and full text on every edit. */
  onChange: (path: string, sql: string) => void;
  /** Ctrl/Cmd+Enter (or "Run query" in the context menu), with the selection or the whole text. */
  onRun: (sql: string) => void;
  /** Syntax errors of the shown model, from the Trino grammar, as they change. */
  onSyntaxProblems?: (problems: SyntaxProblem[]) => void;
  onReady?: (handle: SqlEditorHandle) => void;
  /** Stores, picked store and sampled keys, for completion and lint markers. */
  context: EditorContext;
  /** Shown with highlighting, folding and search, but not editable (a viewer's saved query). */
  readOnly?: boolean;
}

// Monaco touches `window`/`self` at import time, so it is only ever loaded in the browser. The
// download starts as soon as this module runs there, not when the editor first renders (the
// workbench renders it only after the saved tabs are read).
const loadEditor = () => import('./sql-editor-impl');
if (typeof window !== 'undefined') void loadEditor();
const SqlEditorImpl = dynamic(loadEditor, {
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
