// dependency-cruiser (`npm run lint`): import cycles, and the browser seam followed through every
// import (ESLint's no-restricted-imports sees only a file's own imports).
const NODE_BUILTIN =
  '^(node:.*|assert|buffer|child_process|crypto|dns|events|fs|fs/promises|http|https|net|os|path|perf_hooks|stream|tls|url|util|worker_threads|zlib)$';

module.exports = {
  forbidden: [
    {
      name: 'no-runtime-cycle',
      comment: 'Modules that import one another at run time load half-initialised.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'browser-reaches-node',
      comment: 'A component reaches a Node built-in through its imports: it would break or bloat the browser bundle.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: NODE_BUILTIN, reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|scripts/lint/node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: false, // the graph as it runs: type-only imports are erased, so they reach no bundle
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js', '.d.mts'] },
  },
};
