// Lint findings as Monaco markers (warnings), so cost traps show while typing, not only at Run.
import { MarkerSeverity, type editor } from 'monaco-editor';
import { lintQuery } from '../../lib/workbench/lint';
import type { EditorContext } from './editor-context';

export const LINT_OWNER = 'trailbench-lint';

export function lintMarkers(model: editor.ITextModel, ctx: EditorContext): editor.IMarkerData[] {
  return lintQuery(model.getValue(), { store: ctx.store, shape: ctx.shape }).map((issue) => {
    const start = model.getPositionAt(issue.start);
    const end = model.getPositionAt(Math.max(issue.end, issue.start + 1));
    return {
      severity: MarkerSeverity.Warning,
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
      message: issue.message,
      source: 'Trailbench lint',
      code: issue.rule,
    };
  });
}
