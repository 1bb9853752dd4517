// Types of worker-pool.mjs (see there).
export declare const DEFAULT_MAX_RUNNING_QUERIES: number;
export declare const POOL_HEADROOM: number;
export declare const LIBUV_DEFAULT_POOL: number;
export declare function workerPoolSize(maxRunning: number): number;
export declare function runnableQueries(maxRunning: number, poolSize: number): number;
export declare function withWorkerPool<E extends Record<string, string | undefined>>(env: E): E & { UV_THREADPOOL_SIZE: string };
