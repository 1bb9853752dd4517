'use client';

import { useEffect, useState, type ReactNode } from 'react';
import type { SavedQueryVersion } from '../api/accounts';
import { formatWhen } from '../format';
import { VersionDiff } from './version-diff';

/**
 * Every version (who, when) and the diff between any two, newest against the one before by
 * default. With `onRestore` (for those who may edit), an older version can be restored: saved
 * again as the newest version, so nothing in between is lost.
 */
export function VersionsPanel({
  versions,
  onRestore,
  busy,
}: {
  versions: SavedQueryVersion[] | null;
  onRestore?: (v: SavedQueryVersion) => void;
  busy?: boolean;
}) {
  if (!versions)
    return (
      <VersionsSection>
        <p className="acc-muted">Loading versions…</p>
      </VersionsSection>
    );
  return <VersionsList versions={versions} onRestore={onRestore} busy={busy} />;
}

function VersionsSection({ count, children }: { count?: number; children: ReactNode }) {
  return (
    <section className="acc-panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions{count === undefined ? '' : ` (${count})`}</h2>
      {children}
    </section>
  );
}

function VersionsList({ versions, onRestore, busy }: { versions: SavedQueryVersion[]; onRestore?: (v: SavedQueryVersion) => void; busy?: boolean }) {
  const newest = versions[0]?.version ?? 0;
  const [from, setFrom] = useState(newest - 1);
  const [to, setTo] = useState(newest);

  useEffect(() => {
    // a new version was saved: compare it with the one before
    setFrom(newest - 1);
    setTo(newest);
  }, [newest]);

  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      Version {v.version}
    </option>
  ));

  return (
    <VersionsSection count={versions.length}>
      <table className="acc-table" aria-label="Versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved by</th>
            <th scope="col">When</th>
            {onRestore && <th scope="col">Restore</th>}
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>{v.edited_by}</td>
              <td>{formatWhen(v.edited_at)}</td>
              {onRestore && (
                <td>
                  {v.version === newest ? (
                    <span className="acc-muted">current</span>
                  ) : (
                    <button type="button" className="acc-button acc-secondary" disabled={busy} onClick={() => onRestore(v)}>
                      Restore version {v.version}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length < 2 ? (
        <p className="acc-muted">Only one version so far; saving a change adds the next.</p>
      ) : (
        <>
          <div className="acc-row">
            <label>
              From version
              <select aria-label="From version" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
                {options}
              </select>
            </label>
            <label>
              To version
              <select aria-label="To version" value={to} onChange={(e) => setTo(Number(e.target.value))}>
                {options}
              </select>
            </label>
          </div>
          {a && b && <VersionDiff from={a} to={b} />}
        </>
      )}
    </VersionsSection>
  );
}
