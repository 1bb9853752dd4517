import { z } from 'zod';
import type { Lake } from '../../lake';
import { parseInput } from './input';
import { requireStore } from './stores';

const input = z.object({ EventDataStore: z.string().min(3).max(256) });

/**
 * Trailbench extension (not in the AWS API): what a store holds on disk, from its manifest alone —
 * files, bytes, events, the oldest and newest event, and events per UTC day — for the console.
 * `LastCompactionTime` is null until the lake records compactions.
 */
export const storageOperations = {
  TrailbenchGetStoreStorage(lake: Lake, body: unknown) {
    const store = requireStore(lake, parseInput(input, body).EventDataStore);
    const files = lake.manifest(store.id).files;
    const perDay = new Map<string, number>();
    let bytes = 0;
    let events = 0;
    let oldest = Infinity;
    let newest = -Infinity;
    for (const f of files) {
      bytes += f.bytes;
      events += f.rows;
      oldest = Math.min(oldest, f.minTime);
      newest = Math.max(newest, f.maxTime);
      perDay.set(f.day, (perDay.get(f.day) ?? 0) + f.rows);
    }
    return {
      EventDataStoreArn: store.arn,
      Files: files.length,
      Bytes: bytes,
      Events: events,
      OldestEventTime: files.length ? oldest / 1000 : null,
      NewestEventTime: files.length ? newest / 1000 : null,
      EventsPerDay: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([Day, Events]) => ({ Day, Events })),
      LastCompactionTime: null,
    };
  },
};
