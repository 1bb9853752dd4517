import fs from 'node:fs';
import os from 'node:os';

/** The nice value of the query engine's worker threads: the web server's threads (0) come first. */
export const ENGINE_THREAD_NICE = 10;

/**
 * Starts a DuckDB instance and lowers the CPU priority of the worker threads it starts, so that
 * however many queries run, sign-in (scrypt on Node's pool), the API and the event loop are
 * scheduled first; queries still take every cycle the server does not need. Linux only: there a
 * thread has a nice value of its own (setpriority on its thread ID). Node's worker pool is made to
 * exist before the snapshot of threads, so only the engine's own threads are new after it.
 */
export async function withLowPriorityThreads<T>(start: () => Promise<T>, nice = ENGINE_THREAD_NICE): Promise<T> {
  if (process.platform !== 'linux') return start();
  await fs.promises.stat('/');
  const before = new Set(threadIds());
  const started = await start();
  for (const tid of threadIds()) {
    if (before.has(tid)) continue;
    try {
      os.setPriority(Number(tid), nice);
    } catch {
      // a thread that has already ended, or a system that refuses: the engine runs, only unprioritised
    }
  }
  return started;
}

function threadIds(): string[] {
  try {
    return fs.readdirSync('/proc/self/task');
  } catch {
    return [];
  }
}
