// DuckDB's API for the rest of the code. Importing it from here, never from '@duckdb/node-api'
// directly, guarantees the allocator's options are set before DuckDB's library loads.
import './allocator';

export * from '@duckdb/node-api';
