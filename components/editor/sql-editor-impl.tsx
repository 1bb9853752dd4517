'use client';

import { useEffect, useRef } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { monaco, TRINO_LANGUAGE_ID } from './monaco-setup';
import type { SqlEditorProps } from './sql-editor';

const EDITOR_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  ariaLabel: 'SQL query text',
  automaticLayout: true,
  fixedOverflowWidgets: true,
  fontFamily: 'ui-monospace, "SFMono-Regular", "JetBrains Mono", Menlo, Consolas, "Liberation Mono", monospace',
  fontSize: 13,
  lineHeight: 19,
  minimap: { enabled: false },
  padding: { top: 6, bottom: 6 },
  renderLineHighlight: 'line',
  scrollBeyondLastLine: false,
  tabSize: 2,
  wordWrap: 'on',
};

export default function SqlEditorImpl({ defaultValue, onChange, onRun }: SqlEditorProps) {
  // Keep the latest callbacks in refs: Monaco's command is registered once, at mount.
  const onRunRef = useRef(onRun);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onRunRef.current = onRun;
    onChangeRef.current = onChange;
  });

  const handleMount: OnMount = (editor, m) => {
    editor.addAction({
      id: 'trailbench.runQuery',
      label: 'Run query',
      keybindings: [m.KeyMod.CtrlCmd | m.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 0,
      run: (ed) => onRunRef.current(ed.getValue()),
    });
    onChangeRef.current(editor.getValue());
  };

  return (
    <Editor
      height="100%"
      language={TRINO_LANGUAGE_ID}
      defaultValue={defaultValue}
      theme="vs"
      options={EDITOR_OPTIONS}
      onMount={handleMount}
      onChange={(value) => onChangeRef.current(value ?? '')}
      loading={<div className="editor-loading">Loading editor…</div>}
    />
  );
}
