'use client';

import { useEffect, useRef } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { monaco, TRINO_LANGUAGE_ID } from './monaco-setup';
import { codeSpans } from '../../lib/util/sql-text/code-spans';
import { setEditorContext } from './editor-context';
import { lintMarkers, LINT_OWNER } from './lint-markers';
import { storeIdSpans } from './store-id-spans';
import type { SqlEditorHandle, SqlEditorProps, SyntaxProblem } from './sql-editor';

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
  suggest: { showStatusBar: true, preview: true },
};

const READ_ONLY_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  ...EDITOR_OPTIONS,
  readOnly: true,
  domReadOnly: true,
  ariaLabel: 'SQL query text (read-only)',
};

const LINT_DELAY_MS = 300;

export default function SqlEditorImpl(props: SqlEditorProps) {
  const { path, defaultValue, context, readOnly } = props;
  // Monaco's commands and listeners are registered once, at mount: read the latest props through a ref.
  const propsRef = useRef(props);
  useEffect(() => {
    propsRef.current = props;
  });
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const lintRef = useRef<() => void>(() => {});

  useEffect(() => {
    setEditorContext(context);
    lintRef.current();
  }, [context]);

  const handleMount: OnMount = (editor, m) => {
    editorRef.current = editor;
    performance.mark('trailbench:editor-ready');

    editor.addAction({
      id: 'trailbench.runQuery',
      label: 'Run query (or the selection)',
      keybindings: [m.KeyMod.CtrlCmd | m.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 0,
      run: (ed) => propsRef.current.onRun(runnableSql(ed).sql),
    });

    let reported = '';
    const reportSyntax = () => {
      const model = editor.getModel();
      if (!model) return;
      const problems: SyntaxProblem[] = monaco.editor
        .getModelMarkers({ resource: model.uri, owner: TRINO_LANGUAGE_ID })
        .filter((mk) => mk.severity === monaco.MarkerSeverity.Error)
        .map((mk) => ({ line: mk.startLineNumber, column: mk.startColumn, message: mk.message }));
      const key = `${model.uri}\n${JSON.stringify(problems)}`;
      if (key === reported) return; // unchanged: spare the page a re-render
      reported = key;
      propsRef.current.onSyntaxProblems?.(problems);
    };
    let lintTimer: ReturnType<typeof setTimeout> | undefined;
    const storeIds = editor.createDecorationsCollection();
    const lintNow = () => {
      const model = editor.getModel();
      if (!model) return;
      m.editor.setModelMarkers(model, LINT_OWNER, lintMarkers(model, propsRef.current.context));
      storeIds.set(
        storeIdSpans(model.getValue()).map(({ start, end }) => ({
          range: m.Range.fromPositions(model.getPositionAt(start), model.getPositionAt(end)),
          options: { inlineClassName: 'tb-store-id', hoverMessage: { value: 'Event data store ID' } },
        })),
      );
    };
    lintRef.current = lintNow;

    const markersListener = monaco.editor.onDidChangeMarkers((uris) => {
      const uri = editor.getModel()?.uri.toString();
      if (uri && uris.some((u) => u.toString() === uri)) reportSyntax();
    });
    editor.onDidDispose(() => {
      markersListener.dispose();
      clearTimeout(lintTimer);
    });
    editor.onDidChangeModelContent(() => {
      const model = editor.getModel();
      if (model) propsRef.current.onChange(pathOf(model), model.getValue());
      clearTimeout(lintTimer);
      lintTimer = setTimeout(lintNow, LINT_DELAY_MS);
    });
    editor.onDidChangeModel(() => {
      reportSyntax();
      lintNow();
    });

    const handle: SqlEditorHandle = {
      insertText(text, cursor) {
        const model = editor.getModel();
        const selection = editor.getSelection();
        if (!model || !selection) return;
        const before = model.getValueInRange(
          new m.Range(selection.startLineNumber, Math.max(1, selection.startColumn - 1), selection.startLineNumber, selection.startColumn),
        );
        const lead = /[\w)\]'"]/.test(before) ? ' ' : '';
        const start = model.getOffsetAt(selection.getStartPosition());
        editor.executeEdits('trailbench.insert', [{ range: selection, text: lead + text, forceMoveMarkers: true }]);
        const at = model.getPositionAt(start + lead.length + (cursor ?? text.length));
        editor.setSelection(new m.Selection(at.lineNumber, at.column, at.lineNumber, at.column));
        editor.pushUndoStop();
        editor.revealPositionInCenterIfOutsideViewport(at);
        editor.focus();
      },
      runnableSql: () => runnableSql(editor),
      format() {
        const selection = editor.getSelection();
        editor.focus();
        const action = selection && !selection.isEmpty() ? 'editor.action.formatSelection' : 'editor.action.formatDocument';
        void editor.getAction(action)?.run();
      },
      toggleComment() {
        editor.focus();
        void editor.getAction('editor.action.commentLine')?.run();
      },
      focus: () => editor.focus(),
      replaceInCode(from, to) {
        const model = editor.getModel();
        if (!model || !from) return;
        const edits: monaco.editor.IIdentifiedSingleEditOperation[] = [];
        for (const span of codeSpans(model.getValue())) {
          if (!span.code) continue;
          for (let i = span.text.indexOf(from); i >= 0; i = span.text.indexOf(from, i + from.length)) {
            const start = model.getPositionAt(span.start + i);
            const end = model.getPositionAt(span.start + i + from.length);
            edits.push({ range: new m.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: to });
          }
        }
        if (edits.length === 0) return;
        editor.pushUndoStop();
        editor.executeEdits('trailbench.store', edits);
        editor.pushUndoStop();
      },
      disposeModel(modelPath) {
        const dispose = (tries: number) => {
          const model = m.editor.getModel(m.Uri.parse(modelPath));
          if (!model) return;
          if (editor.getModel() === model && tries > 0) setTimeout(() => dispose(tries - 1), 50);
          else if (editor.getModel() !== model) model.dispose();
        };
        dispose(20);
      },
    };
    propsRef.current.onReady?.(handle);
    reportSyntax();
    lintNow();
  };

  return (
    <Editor
      height="100%"
      path={path}
      language={TRINO_LANGUAGE_ID}
      defaultValue={defaultValue}
      theme="vs"
      options={readOnly ? READ_ONLY_OPTIONS : EDITOR_OPTIONS}
      onMount={handleMount}
      loading={<div className="editor-loading">Loading editor…</div>}
    />
  );
}

function runnableSql(editor: monaco.editor.ICodeEditor): { sql: string; selection: boolean } {
  const model = editor.getModel();
  if (!model) return { sql: '', selection: false };
  const selection = editor.getSelection();
  if (selection && !selection.isEmpty()) {
    const text = model.getValueInRange(selection);
    if (text.trim()) return { sql: text, selection: true };
  }
  return { sql: model.getValue(), selection: false };
}

/** The editor path a model was created for (the `path` prop is parsed into the model's URI). */
function pathOf(model: monaco.editor.ITextModel): string {
  return model.uri.toString();
}
