import os from 'node:os';

/**
 * DuckDB's allocator (its bundled jemalloc) hands freed memory back to the OS soon after each
 * task, and the next batch or query faults the same amount in again. On virtual machines a fresh
 * page is expensive, so freed memory is kept for a second (`dirty_decay_ms:1000`) to be reused
 * by the next batch or query. Never giving it back (`-1`) was no faster in an import measured
 * side by side, and is unbounded: replicating a store to 10M events grew the process to 24 GB,
 * and the OOM killer ended it, DuckDB's flush thresholds notwithstanding.
 *
 * jemalloc reads its options once, when DuckDB's library loads, so DuckDB is imported only
 * through `duckdb-api.ts`, which imports this module first. An operator's own
 * DUCKDB_JE_MALLOC_CONF wins.
 */
export const DEFAULT_MALLOC_CONF = 'dirty_decay_ms:1000,muzzy_decay_ms:1000';
process.env.DUCKDB_JE_MALLOC_CONF ??= DEFAULT_MALLOC_CONF;

const GIB = 2 ** 30;

/** Memory DuckDB keeps after use: an eighth of the machine's, at most 2 GiB. */
export function retainedMemoryBytes(total = os.totalmem()): number {
  return Math.min(2 * GIB, Math.floor(total / 8));
}

/**
 * Settings that bound what DuckDB keeps; DuckDB flushes its allocator past them. Not DuckDB's
 * block allocator (`block_allocator_memory`), although it is faster still: it reserves most of
 * the machine's memory up front, and with two instances in a process fork() fails with ENOMEM.
 */
export function allocatorSettings(bytes = retainedMemoryBytes()): string[] {
  const size = `'${Math.floor(bytes / 2 ** 20)}MiB'`;
  return [`SET GLOBAL allocator_flush_threshold = ${size}`, `SET GLOBAL allocator_bulk_deallocation_flush_threshold = ${size}`];
}
