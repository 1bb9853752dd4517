'use client';

import { memo, useId, useMemo, useState } from 'react';
import { fieldsFor, type TableShape } from '@/lib/lake/schema';
import type { SampleQuery } from '@/lib/workbench/sample-queries';
import type { Insertion } from '../editor/schema-paths';
import type { FieldSamples } from '../api/queries';
import { buildPropertyNodes } from './property-nodes';
import { PropertyTree } from './property-tree';
import { SampleLibrary } from './sample-library';

type Pane = 'properties' | 'samples';

interface SidebarProps {
  shape: TableShape;
  samples: FieldSamples | null;
  onInsert: (insertion: Insertion) => void;
  onOpenSample: (sample: SampleQuery) => void;
}

/** Left pane: the event properties of the picked store's category, and the sample queries. */
export const Sidebar = memo(function Sidebar({ shape, samples, onInsert, onOpenSample }: SidebarProps) {
  const [pane, setPane] = useState<Pane>('properties');
  const id = useId();
  const nodes = useMemo(() => buildPropertyNodes(fieldsFor(shape), samples), [shape, samples]);
  const tab = (p: Pane, label: string) => (
    <button
      type="button"
      role="tab"
      id={`${id}-${p}`}
      aria-selected={pane === p}
      aria-controls={`${id}-panel`}
      tabIndex={pane === p ? 0 : -1}
      className={`pane-tab${pane === p ? ' selected' : ''}`}
      onClick={() => setPane(p)}
    >
      {label}
    </button>
  );
  return (
    <aside className="sidebar" aria-label="Schema and samples">
      <div
        role="tablist"
        aria-label="Sidebar"
        className="pane-tabs"
        onKeyDown={(e) => {
          if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
          const next: Pane = pane === 'properties' ? 'samples' : 'properties';
          setPane(next);
          document.getElementById(`${id}-${next}`)?.focus();
        }}
      >
        {tab('properties', 'Event properties')}
        {tab('samples', 'Sample queries')}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${pane}`} className="pane">
        {pane === 'properties' ? <PropertyTree nodes={nodes} onInsert={onInsert} /> : <SampleLibrary onOpen={onOpenSample} />}
      </div>
    </aside>
  );
});
