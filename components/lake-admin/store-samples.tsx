'use client';

import Link from 'next/link';
import { SAMPLE_QUERIES } from '@/lib/workbench/sample-queries';

/** The seed's sample queries, each one click away from the workbench with this store picked. */
const PICKED = ['freshest-event', 'top-api-calls', 'region-filter', 'console-login-unexpected-ip', 'access-denied', 's3-data-access'];

export function StoreSamples({ storeId }: { storeId: string }) {
  const samples = PICKED.map((id) => SAMPLE_QUERIES.find((s) => s.id === id)).filter((s) => !!s);
  return (
    <section className="acc-panel" aria-labelledby="lk-samples">
      <h2 id="lk-samples">Sample queries</h2>
      <ul className="lk-samples">
        {samples.map((s) => (
          <li key={s.id}>
            <Link href={`/?store=${encodeURIComponent(storeId)}&sample=${encodeURIComponent(s.id)}`}>{s.title}</Link>
            <span className="acc-muted"> — {s.description}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
