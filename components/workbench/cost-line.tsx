'use client';

import type { ReactNode } from 'react';
import { usdForBytes } from '../../lib/util/cost';
import { formatBytes, formatCost, formatCount } from '../format';
import type { QueryRunState } from './run-state';
import type { EstimateState } from './use-cost-estimate';
import './cost-line.css';

const BASIS_TEXT: Record<string, { label: string; detail: string }> = {
  manifests: { label: 'exact', detail: "From the lake's file manifests: the files in the query's eventTime window, the columns it reads." },
  history: { label: 'from earlier runs', detail: 'From the bytes per day of window that earlier queries of this store scanned.' },
};

/** Before Run: bytes and dollars the query would scan. After it: what it did scan and cost. */
export function CostLine({ estimate, run, pricePerGb, children }: { estimate: EstimateState; run: QueryRunState; pricePerGb?: number; children?: ReactNode }) {
  const done = estimate.state === 'done' ? estimate.estimate : undefined;
  const price = done?.pricePerGb ?? pricePerGb;
  const scanned = run.phase === 'done' ? run.statistics?.bytesScanned : undefined;

  let before: string;
  if (estimate.state === 'loading') before = 'Estimating…';
  else if (estimate.state === 'error') before = `No estimate: ${estimate.message.split('\n')[0]}`;
  else if (!done) before = '';
  else if (done.bytesScanned === undefined) before = 'No estimate for this lake before Run.';
  else
    before = `${formatBytes(done.bytesScanned)} to scan${done.eventsScanned !== undefined ? ` (${formatCount(done.eventsScanned)} events)` : ''}, ${formatCost(done.costUsd)}`;

  return (
    <div className="cost-line" aria-label="Cost">
      {before && (
        <span>
          <span className="muted">Estimate: </span>
          <output aria-label="Estimated scan">{before}</output>
          {done?.bytesScanned !== undefined && (
            <span className="muted" title={done.basisDetail ?? BASIS_TEXT[done.basis]?.detail}>
              {' '}
              ({BASIS_TEXT[done.basis]?.label ?? done.basis}, ${done.pricePerGb}/GB)
            </span>
          )}
        </span>
      )}
      {children}
      {scanned !== undefined && (
        <span>
          <span className="muted">Last run: </span>
          <output aria-label="Scanned by the last run">
            {formatBytes(scanned)} scanned{price !== undefined ? `, ${formatCost(usdForBytes(scanned, price))}` : ''}
          </output>
        </span>
      )}
    </div>
  );
}
