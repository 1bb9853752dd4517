'use client';

import { useEffect, type KeyboardEvent, type ReactNode } from 'react';
import type { QueryRunState } from '../run-state';
import type { QueryTab } from './tab-state';

interface TabBarProps {
  tabs: QueryTab[];
  activeId: string;
  runs: Record<string, QueryRunState>;
  /** ID of the panel the tabs control. */
  panelId: string;
  onSelect: (id: string) => void;
  onClose: (id: string) => void;
  onNew: () => void;
  /** Shown at the row's right end (the active tab's syntax check: no row of its own). */
  aside?: ReactNode;
}

/** Query tabs: select, close (a running query is cancelled), and open a new one. */
export function TabBar({ tabs, activeId, runs, panelId, onSelect, onClose, onNew, aside }: TabBarProps) {
  // The active tab stays in view when the list scrolls (a new tab opens at the end).
  // (a statement, not the effect's value: newer browsers return a promise from scrollIntoView, which React would call on cleanup)
  useEffect(() => {
    document.getElementById(tabDomId(activeId))?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [activeId, tabs.length]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.id === activeId);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step || i < 0) return;
    e.preventDefault();
    const next = tabs[(i + step + tabs.length) % tabs.length];
    onSelect(next.id);
    document.getElementById(tabDomId(next.id))?.focus();
  };

  return (
    <div className="tab-bar">
      <div role="tablist" aria-label="Query tabs" className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((t) => {
          const selected = t.id === activeId;
          const run = runs[t.id];
          const status = run?.phase === 'starting' ? 'SUBMITTING' : run?.status;
          return (
            <div key={t.id} className={`tab${selected ? ' tab-selected' : ''}`}>
              <button
                type="button"
                role="tab"
                id={tabDomId(t.id)}
                aria-selected={selected}
                aria-controls={selected ? panelId : undefined}
                tabIndex={selected ? 0 : -1}
                className="tab-label"
                title={status ? `${t.title} — ${status}` : t.title}
                onClick={() => onSelect(t.id)}
              >
                {status && <span className={`tab-dot dot-${status.toLowerCase()}`} aria-hidden="true" />}
                <span className="tab-title">{t.title}</span>
              </button>
              <button type="button" className="tab-close" aria-label={`Close ${t.title}`} title="Close tab" onClick={() => onClose(t.id)}>
                <svg aria-hidden="true" width="8" height="8" viewBox="0 0 8 8">
                  <path d="M1 1l6 6M7 1L1 7" stroke="currentColor" strokeWidth="1.4" />
                </svg>
              </button>
            </div>
          );
        })}
      </div>
      <button type="button" className="btn btn-small tab-new" onClick={onNew} aria-label="New tab" title="New query tab">
        + New tab
      </button>
      {aside && <div className="tab-bar-aside">{aside}</div>}
    </div>
  );
}

export function tabDomId(id: string): string {
  return `query-tab-${id}`;
}
