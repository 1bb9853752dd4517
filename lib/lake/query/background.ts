import '../engine/duckdb-api'; // first: it sets DuckDB's allocator options before the library loads
import * as duckdb from '@duckdb/node-bindings';
import type { DuckDBPreparedStatement, DuckDBResult } from '../engine/duckdb-api';

/** Polls back off from 1 ms to this: a query's end is heard within 20 ms, at ~50 cheap checks a second. */
const MAX_POLL_MS = 20;

/**
 * Runs a bound statement on DuckDB's own threads until its first rows are ready (or it ends), and
 * returns its streaming result. `stream()` would run it on a thread of Node's worker pool instead,
 * held for as long as the query runs, and add one more CPU-bound thread per running query: here
 * the event loop only checks on it, and DuckDB's `threads` setting bounds the CPU all queries take.
 * Fetching rows afterwards runs what remains of the query on the pool, as `stream()` does.
 */
export async function runInBackground(stmt: DuckDBPreparedStatement): Promise<DuckDBResult> {
  const pending = stmt.startStream();
  // node-api wraps neither the non-executing state check nor the handle it needs
  const handle = (pending as unknown as { pending_result: duckdb.PendingResult }).pending_result;
  for (let wait = 1; ; wait = Math.min(wait * 1.5, MAX_POLL_MS)) {
    const state = duckdb.pending_execute_check_state(handle);
    if (state === duckdb.PendingState.ERROR) {
      // The C API reports "finished" as an error without a message; a real error (or an interrupt) has one.
      const message = duckdb.pending_error(handle);
      if (message) throw new Error(message);
      break;
    }
    if (state === duckdb.PendingState.RESULT_READY) break;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return pending.getResult();
}
