'use client';

import { diffLines } from 'diff';
import type { SavedQueryVersion } from '../api/accounts';
import { tagsOfVersion } from './query-form';

/** A version as text: its fields, then its SQL, so one line diff shows every change. */
export function versionText(v: SavedQueryVersion): string {
  const header = [
    `Name: ${v.name}`,
    `Description: ${v.description}`,
    `Tags: ${tagsOfVersion(v).join(', ')}`,
    `Folder: ${v.folder}`,
    `Default store: ${v.store_id ?? 'none'}`,
  ];
  return `${header.join('\n')}\n\n${v.sql.replace(/\n?$/, '\n')}`;
}

type Line = { kind: 'add' | 'remove' | 'same'; text: string } | { kind: 'skip'; count: number };

const CONTEXT = 3;

/** Lines of a line diff; long unchanged stretches shrink to their first and last few lines. */
export function diffRows(before: string, after: string): Line[] {
  const lines: Line[] = [];
  for (const part of diffLines(before, after)) {
    const texts = part.value.replace(/\n$/, '').split('\n');
    const kind: 'add' | 'remove' | 'same' = part.added ? 'add' : part.removed ? 'remove' : 'same';
    if (kind === 'same' && texts.length > CONTEXT * 2 + 1) {
      lines.push(...texts.slice(0, CONTEXT).map((text) => ({ kind, text })));
      lines.push({ kind: 'skip', count: texts.length - CONTEXT * 2 });
      lines.push(...texts.slice(-CONTEXT).map((text) => ({ kind, text })));
    } else {
      lines.push(...texts.map((text) => ({ kind, text })));
    }
  }
  return lines;
}

/** Additions as <ins> and removals as <del> (also spelled out for screen readers), with a count. */
export function VersionDiff({ from, to }: { from: SavedQueryVersion; to: SavedQueryVersion }) {
  const rows = diffRows(versionText(from), versionText(to));
  const added = rows.filter((r) => r.kind === 'add').length;
  const removed = rows.filter((r) => r.kind === 'remove').length;
  return (
    <section className="acc-diff" aria-label={`Changes from version ${from.version} to version ${to.version}`}>
      <p className="acc-muted">
        {added === 0 && removed === 0 ? 'No differences.' : `${added} line${added === 1 ? '' : 's'} added, ${removed} line${removed === 1 ? '' : 's'} removed.`}
      </p>
      <div className="acc-diff-lines">
        {rows.map((r, i) => {
          if (r.kind === 'skip')
            return (
              <div key={i} className="acc-diff-skip">
                … {r.count} unchanged lines …
              </div>
            );
          if (r.kind === 'add') {
            return (
              <ins key={i} className="acc-diff-add">
                <span aria-hidden="true">+ </span>
                <span className="acc-sr">Added: </span>
                {r.text}
              </ins>
            );
          }
          if (r.kind === 'remove') {
            return (
              <del key={i} className="acc-diff-remove">
                <span aria-hidden="true">- </span>
                <span className="acc-sr">Removed: </span>
                {r.text}
              </del>
            );
          }
          return (
            <div key={i} className="acc-diff-same">
              <span aria-hidden="true">{'  '}</span>
              {r.text}
            </div>
          );
        })}
      </div>
    </section>
  );
}
