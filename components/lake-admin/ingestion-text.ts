import type { FollowStatus } from './api';
import { formatSeconds, formatTime } from './format';

/**
 * How a store is fed, in one line: the source it follows, its lag and last error. Lag is shown
 * (`LagSeconds`, while following); otherwise the time of the last ingested file.
 */
export function ingestionText(status: string, follow: FollowStatus | undefined): string {
  const state = status === 'STOPPED_INGESTION' ? 'Ingestion stopped' : status === 'PENDING_DELETION' ? 'Pending deletion' : 'Ingestion on';
  if (!follow?.SourceUri) return `${state}; not following a source`;
  const lag = follow.LagSeconds !== undefined ? `lag ${formatSeconds(follow.LagSeconds)}` : `last file ${formatTime(follow.LastIngestTime)}`;
  return `${state}; following ${follow.SourceUri} (${lag})${follow.LastError ? `; last error: ${follow.LastError}` : ''}`;
}
