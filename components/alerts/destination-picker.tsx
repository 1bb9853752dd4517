'use client';

import { useEffect, useState } from 'react';
import { alertsApi, type Destination } from './api';

/** Checkboxes for the user's destinations (masked URLs only). */
export function DestinationPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const [destinations, setDestinations] = useState<Destination[] | null>(null);
  useEffect(() => {
    alertsApi.listDestinations().then(setDestinations, () => setDestinations([]));
  }, []);
  return (
    <fieldset className="alert-fieldset">
      <legend>Destinations</legend>
      {destinations?.length === 0 && <p className="acc-muted">No destinations yet: add one on the Alerts page.</p>}
      {destinations?.map((d) => (
        <label key={d.id} className="acc-check">
          <input type="checkbox" checked={value.includes(d.id)} onChange={(e) => onChange(e.target.checked ? [...value, d.id] : value.filter((x) => x !== d.id))} />{' '}
          {d.name} <span className="acc-muted">({d.kind === 'slack' ? 'Slack' : 'webhook'}, {d.urlHint})</span>
        </label>
      ))}
    </fieldset>
  );
}
