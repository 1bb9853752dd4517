import type { ImportDetail } from './api';

/**
 * What an import's statistics say about its progress: the share of prefixes (days) done when the
 * lake reports them, events per second since it started, and the time left at that pace.
 */
export function importProgress(imp: ImportDetail, now = Date.now()) {
  const st = imp.ImportStatistics ?? {};
  const done = imp.ImportStatus === 'COMPLETED';
  const fraction = done ? 1 : st.PrefixesFound ? Math.min(1, (st.PrefixesCompleted ?? 0) / st.PrefixesFound) : undefined;
  const started = imp.CreatedTimestamp ? new Date(imp.CreatedTimestamp).getTime() : undefined;
  const running = imp.ImportStatus === 'IN_PROGRESS' || imp.ImportStatus === 'INITIALIZING';
  const until = running ? now : imp.UpdatedTimestamp ? new Date(imp.UpdatedTimestamp).getTime() : now;
  const seconds = started !== undefined ? Math.max(0.001, (until - started) / 1000) : undefined;
  const rate = seconds ? (st.EventsCompleted ?? 0) / seconds : undefined;
  const etaSeconds = running && fraction && fraction > 0 && seconds ? (seconds * (1 - fraction)) / fraction : undefined;
  return { fraction, rate, etaSeconds, running, files: st.FilesCompleted ?? 0, events: st.EventsCompleted ?? 0, failures: st.FailedEntries ?? 0 };
}
