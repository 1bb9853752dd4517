'use client';

import { useEffect, useRef, useState } from 'react';
import { alertsApi, type Destination } from './api';
import { KIND_LABELS } from '@/lib/alerts/destinations/kinds';

/** Before saving a rule that would notify nobody: the user's yes (a rule may rightly only keep history). */
export function confirmWithoutDestination(ids: string[]): boolean {
  return ids.length > 0 || window.confirm('This rule has no destination: it will run and keep its history, but notify nobody. Save it without a destination?');
}

/**
 * Checkboxes for the user's destinations (masked URLs only). With `preselectSingle` (a new rule),
 * a user's only destination starts ticked: a new rule is almost always meant to notify it.
 */
export function DestinationPicker({
  value,
  onChange,
  preselectSingle = false,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  preselectSingle?: boolean;
}) {
  const [destinations, setDestinations] = useState<Destination[] | null>(null);
  const first = useRef({ preselectSingle, onChange });
  useEffect(() => {
    alertsApi.listDestinations().then(
      (d) => {
        setDestinations(d);
        if (first.current.preselectSingle && d.length === 1) first.current.onChange([d[0].id]);
      },
      () => setDestinations([]),
    );
  }, []);
  return (
    <fieldset className="alert-fieldset">
      <legend>Destinations</legend>
      {destinations?.length === 0 && <p className="acc-muted">No destinations yet: add one on the Alerts page.</p>}
      {destinations?.map((d) => (
        <label key={d.id} className="acc-check">
          <input
            type="checkbox"
            checked={value.includes(d.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, d.id] : value.filter((x) => x !== d.id))}
          />{' '}
          {d.name}{' '}
          <span className="acc-muted">
            ({KIND_LABELS[d.kind]}, {d.urlHint})
          </span>
        </label>
      ))}
    </fieldset>
  );
}
