// @ts-check
const path = require('node:path');

// monaco-sql-languages imports monaco paths that monaco 0.57's exports map no longer exposes.
/** @type {Record<string, string>} */
const monacoAliases = {
  'monaco-editor/esm/vs/editor/editor.api': './node_modules/monaco-editor/esm/vs/editor/editor.api.js',
  'monaco-editor/esm/vs/editor/editor.worker.js': './node_modules/monaco-editor/esm/vs/editor/editor.worker.js',
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  // DuckDB ships a native addon; it must be required at run time, not bundled.
  serverExternalPackages: ['@duckdb/node-api', '@duckdb/node-bindings'],
  // The JS SDK posts to `/lake/` (it adds a slash to the endpoint path); a redirect would break the call.
  skipTrailingSlashRedirect: true,
  turbopack: { resolveAlias: monacoAliases },
  webpack: (config) => {
    for (const [k, v] of Object.entries(monacoAliases)) config.resolve.alias[k + '$'] = path.resolve(process.cwd(), v);
    return config;
  },
};

module.exports = nextConfig;
