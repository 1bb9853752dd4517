'use client';

import { useId, useState } from 'react';
import { evidenceUrl, exportUrl, listExports, type ExportRequest, type ExportSummary } from '../api/queries';

const CHOICES: [ExportRequest['format'], ExportRequest['scope']][] = [
  ['csv', 'all'],
  ['jsonl', 'all'],
  ['csv', 'page'],
  ['jsonl', 'page'],
];
const FORMAT_NAMES = { csv: 'CSV', jsonl: 'JSON Lines' } as const;

interface ExportMenuProps {
  queryId: string;
  total?: number;
  /** The current page: its token (none for the first) and size, and the row numbers it holds. */
  page: { nextToken?: string; size: number; first: number; last: number };
}

/**
 * Downloads streamed by the server: the full result (every page, whatever the size) or this page
 * only, as CSV (RFC 4180) or JSON Lines; the spreadsheet-formula guard is on unless turned off.
 */
export function ExportMenu({ queryId, total, page }: ExportMenuProps) {
  const guardId = useId();
  const [formulaGuard, setFormulaGuard] = useState(true);
  const [done, setDone] = useState<ExportSummary[]>([]);
  // Each opening lists the exports finished so far (a download started here ends in the list).
  const refresh = () =>
    void listExports(queryId).then(
      (r) => setDone(r.exports),
      () => setDone([]),
    );
  const link = (format: ExportRequest['format'], scope: ExportRequest['scope']) =>
    exportUrl(queryId, { format, scope, formulaGuard, nextToken: page.nextToken, maxResults: page.size });
  const all = total !== undefined ? `all ${total.toLocaleString('en-US')} rows` : 'all rows';
  const thisPage = `this page only (rows ${page.first.toLocaleString('en-US')}–${page.last.toLocaleString('en-US')})`;

  return (
    // A chosen download closes the menu (the download itself is the browser's).
    <details
      className="export-menu"
      onToggle={(e) => e.currentTarget.open && refresh()}
      onClick={(e) => (e.target as HTMLElement).tagName === 'A' && e.currentTarget.removeAttribute('open')}
    >
      <summary className="btn">Export</summary>
      <div className="export-panel">
        {CHOICES.map(([format, scope]) => (
          <a key={`${format}-${scope}`} href={link(format, scope)} download>
            {FORMAT_NAMES[format]}, {scope === 'all' ? all : thisPage}
          </a>
        ))}
        <label htmlFor={guardId} className="export-guard">
          <input id={guardId} type="checkbox" checked={formulaGuard} onChange={(e) => setFormulaGuard(e.target.checked)} />
          Guard against spreadsheet formulas (cells starting with = + - @ get a leading &apos;)
        </label>
        {done.length > 0 && (
          <div className="export-evidence" role="group" aria-label="Evidence files">
            <span className="muted">Evidence of your exports (SQL, rows, SHA-256, who, when):</span>
            {done.map((e) => (
              <a key={e.exportId} href={evidenceUrl(e.exportId)} download title={`SHA-256 ${e.sha256}`}>
                Evidence: {FORMAT_NAMES[e.format as ExportRequest['format']] ?? e.format}, {e.scope === 'all' ? 'all' : 'page'},{' '}
                {e.rows.toLocaleString('en-US')} rows, {new Date(e.at).toLocaleString()}
              </a>
            ))}
          </div>
        )}
      </div>
    </details>
  );
}
