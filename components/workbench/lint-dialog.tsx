'use client';

import { useEffect, useId, useRef } from 'react';
import type { LintIssue } from '@/lib/workbench/lint';

interface LintDialogProps {
  issues: LintIssue[];
  onRunAnyway: () => void;
  onCancel: () => void;
}

/** Shown by Run when the lint finds something: the findings, "Run anyway" and "Cancel". */
export function LintDialog({ issues, onRunAnyway, onCancel }: LintDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const runRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descId = useId();
  const errors = issues.filter((i) => i.severity === 'error').length;

  // Errors focus Cancel (Enter does not run a query that will fail); warnings focus Run anyway.
  const focusCancel = errors > 0;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    (focusCancel ? cancelRef : runRef).current?.focus();
    return () => dialog?.close();
  }, [focusCancel]);

  return (
    <dialog
      ref={ref}
      className="lint-dialog"
      aria-labelledby={titleId}
      aria-describedby={descId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{errors ? 'This query will probably fail' : 'Check this query before running it'}</h2>
      <p id={descId} className="muted">
        {errors ? 'It still has problems that make CloudTrail Lake reject it or return the wrong rows.' : 'It may scan (and bill) more data than it needs.'}
      </p>
      <LintList issues={issues} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel} ref={cancelRef}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" onClick={onRunAnyway} ref={runRef}>
          Run anyway
        </button>
      </div>
    </dialog>
  );
}

/** Cost warnings a run went ahead with, because its estimate was under the confirmation threshold. */
export function LintNotes({ issues }: { issues: LintIssue[] }) {
  if (!issues.length) return null;
  return (
    <div role="note" aria-label="Run warnings" className="lint-notes">
      <LintList issues={issues} />
    </div>
  );
}

function LintList({ issues }: { issues: LintIssue[] }) {
  return (
    <ul className="lint-list">
      {issues.map((issue, i) => (
        <li key={i} className={`lint-item lint-${issue.severity}`}>
          <span className="lint-severity">{issue.severity === 'error' ? 'Error' : 'Warning'}</span>
          <span>{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}
