import { describe, expect, it } from 'vitest';
import { importProgress } from '../../components/lake-admin/import-progress';

const base = { ImportId: 'x', Destinations: [], Failures: [], CreatedTimestamp: '2026-01-01T00:00:00Z' };

describe('import progress', () => {
  it('measures rate and time left from the days done', () => {
    const p = importProgress(
      {
        ...base,
        ImportStatus: 'IN_PROGRESS',
        ImportStatistics: { PrefixesFound: 4, PrefixesCompleted: 1, FilesCompleted: 10, EventsCompleted: 5000, FailedEntries: 1 },
      },
      Date.parse('2026-01-01T00:00:10Z'),
    );
    expect(p).toMatchObject({ fraction: 0.25, rate: 500, etaSeconds: 30, running: true, files: 10, events: 5000, failures: 1 });
  });

  it('is whole when completed and has no time left; unknown before any day is listed', () => {
    const done = importProgress({ ...base, ImportStatus: 'COMPLETED', UpdatedTimestamp: '2026-01-01T00:00:04Z', ImportStatistics: { EventsCompleted: 200 } });
    expect(done).toMatchObject({ fraction: 1, rate: 50, etaSeconds: undefined, running: false });
    expect(importProgress({ ...base, ImportStatus: 'INITIALIZING' }).fraction).toBeUndefined();
  });
});
