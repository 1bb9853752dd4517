// ESLint for the whole repository (`npm run lint`, run from the project root). Only rules that
// catch real bugs; layout and style are not linted. The toolchain lives in scripts/lint/ with its
// own package.json: typescript-eslint needs TypeScript's JS API, which the app's TypeScript 7
// (the native compiler) does not have.
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Server-only code: the browser must never bundle it (it holds secrets, or needs Node). */
const SERVER_FOLDERS = [
  'db',
  'lake',
  'auth',
  'http',
  'cloudtrail',
  'connections',
  'alerts',
  'saved-queries',
  'lake-access',
  'workbench',
  'lake-admin',
  'detections',
];
/** Modules in those folders that are pure and browser-safe by design, and used by pages. */
const BROWSER_SAFE = [
  'lake/schema', // the one schema definition drives the editor's sidebar and autocomplete
  'lake/sql/functions', // function docs in the editor
  'auth/password-rule',
  'auth/public-pages',
  'auth/link-lifetimes',
  'workbench/lint',
  'workbench/pivots',
  'workbench/follow-up-sql',
  'workbench/sample-queries',
  'workbench/cell-value',
  'workbench/run-check',
  'lake-admin/store-form',
  'lake-admin/selectors-in-words',
  'lake-admin/cli-command',
  'alerts/destinations/kinds', // the destination form offers each kind
];
const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'stream',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

const browserSeam = {
  patterns: [
    {
      regex: `^(@/|(\\.\\./)+)lib/(${SERVER_FOLDERS.join('|')})(/(?!(${BROWSER_SAFE.map((m) => m.split('/').slice(1).join('/')).join('|')})$)|$)`,
      allowTypeImports: true,
      message:
        'A component must not import server code (it would ship to the browser). Call an /api route through components/api/, or move a pure helper to lib/util/.',
    },
    { regex: '^(@/|(\\.\\./)+)lib/(env|startup|built-in-lake)$', allowTypeImports: true, message: 'Server-only module.' },
    { regex: '^node:', message: 'Node built-ins do not run in the browser.' },
  ],
  paths: NODE_BUILTINS.map((name) => ({ name, message: 'Node built-ins do not run in the browser.' })),
};

/** The lake stands alone: it imports only itself and lib/util (then it can be lifted out whole). */
const lakeSeam = (depth) => ({
  patterns: [
    { regex: `^${'\\.\\./'.repeat(depth + 1)}(?!util/)`, message: 'lib/lake imports only lib/lake and lib/util.' },
    { regex: '^@/(?!lib/(lake|util)/)', message: 'lib/lake imports only lib/lake and lib/util.' },
  ],
});

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'scripts/lint/node_modules/**',
      '.tmp/**',
      'tmp/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  {
    files: ['**/*.{ts,tsx,mts,mjs,js,cjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { '@typescript-eslint': tseslint.plugin, 'react-hooks': reactHooks, '@next/next': nextPlugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // plain mistakes: each of these is a bug when it fires
      'no-cond-assign': 'error',
      'no-constant-binary-expression': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-dupe-else-if': 'error',
      'no-duplicate-case': 'error',
      'no-empty-pattern': 'error',
      'no-fallthrough': 'error',
      'no-self-assign': 'error',
      'no-self-compare': 'error',
      'no-sparse-arrays': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      'no-unsafe-negation': 'error',
      'no-unsafe-optional-chaining': 'error',
      'no-async-promise-executor': 'error',
      'no-compare-neg-zero': 'error',
      'no-loss-of-precision': 'error',
      'use-isnan': 'error',
      'valid-typeof': 'error',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      '@typescript-eslint/no-dupe-class-members': 'error',
      'no-unused-private-class-members': 'error',
      // React: hooks called conditionally break state; Next: a plain <a> to a page reloads the app
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error', // a stale closure reads old state
      ...nextPlugin.configs.recommended.rules,
    },
  },
  { files: ['components/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', browserSeam] } },
  { files: ['lib/lake/*.ts'], rules: { 'no-restricted-imports': ['error', lakeSeam(0)] } },
  { files: ['lib/lake/*/*.ts'], rules: { 'no-restricted-imports': ['error', lakeSeam(1)] } },
  { files: ['lib/lake/*/*/*.ts'], rules: { 'no-restricted-imports': ['error', lakeSeam(2)] } },
  { files: ['lib/lake/*/*/*/*.ts'], rules: { 'no-restricted-imports': ['error', lakeSeam(3)] } },
);
