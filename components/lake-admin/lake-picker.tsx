'use client';

import { useEffect, useState } from 'react';
import { Options } from '@/components/forms/options';
import { listConnections, type LakeConnection } from './api';
import { targetQuery, type LakeTarget } from './lake-target';

/** Picks the lake the pages show: the built-in lake or a connection's region (kept in the URL). */
export function LakePicker({ target, onChange }: { target: LakeTarget; onChange: (t: LakeTarget) => void }) {
  const [connections, setConnections] = useState<LakeConnection[]>([]);
  useEffect(() => {
    listConnections().then(setConnections, () => undefined);
  }, []);
  const options = connections.flatMap((c) =>
    c.type === 'builtin' ? [{ value: '', label: c.name }] : c.regions.map((r) => ({ value: `${c.id}~${r}`, label: `${c.name} (${r})` })),
  );
  const value = target.connectionId && target.connectionId !== 'builtin' ? `${target.connectionId}~${target.region ?? ''}` : '';
  if (options.length < 2) return <p className="acc-muted">Event data stores of the built-in lake, read through its CloudTrail API.</p>;
  return (
    <label>
      Lake
      <select
        value={value}
        onChange={(e) => {
          const [connectionId, region] = e.target.value.split('~');
          const next = e.target.value ? { connectionId, region } : {};
          window.history.replaceState(null, '', `${window.location.pathname}${targetQuery(next)}`);
          onChange(next);
        }}
      >
        <Options items={options} />
      </select>
    </label>
  );
}
