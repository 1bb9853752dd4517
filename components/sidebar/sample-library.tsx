'use client';

import { useId, useMemo, useState } from 'react';
import { searchSampleQueries, type SampleQuery } from '@/lib/workbench/sample-queries';

/** The searchable sample-query library; opening one puts it in a new tab. */
export function SampleLibrary({ onOpen }: { onOpen: (sample: SampleQuery) => void }) {
  const [text, setText] = useState('');
  const found = useMemo(() => searchSampleQueries(text), [text]);
  const countId = useId();
  return (
    <div className="sample-library">
      <input
        type="search"
        className="sidebar-search"
        placeholder="Search samples (e.g. root, mfa, s3)"
        aria-label="Search sample queries"
        aria-describedby={countId}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={countId} className="muted sidebar-count" aria-live="polite">
        {found.length} of {searchSampleQueries('').length} samples
      </p>
      <ul className="sample-list" aria-label="Sample queries">
        {found.map((s) => (
          <li key={s.id} className="sample-item">
            <button type="button" className="sample-open" onClick={() => onOpen(s)} title="Open in a new tab">
              {s.title}
            </button>
            <p className="sample-desc">{s.description}</p>
            {s.source === 'seed' && <span className="badge">seed</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
