// Client-only, side-effect module: makes Monaco run from the installed package (no CDN) with the
// Trino language of monaco-sql-languages. Imported only by sql-editor-impl.tsx, which is loaded
// with next/dynamic { ssr: false }. Recipe: shared/reference/stack-notes.md sections 2 and 4.
import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import 'monaco-sql-languages/esm/languages/trino/trino.contribution';
import { setupLanguageFeatures } from 'monaco-sql-languages/esm/setupLanguageFeatures';
import { LanguageIdEnum } from 'monaco-sql-languages/esm/common/constants';
import { completionService } from './completion-service';
import { formatSql } from './format-sql';

export const TRINO_LANGUAGE_ID = LanguageIdEnum.TRINO; // 'trinosql'

type MonacoGlobal = { MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker } };

(self as unknown as MonacoGlobal).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === TRINO_LANGUAGE_ID) {
      return new Worker(new URL('monaco-sql-languages/esm/languages/trino/trino.worker.js', import.meta.url), {
        type: 'module',
      });
    }
    if (label === 'json') {
      return new Worker(new URL('monaco-editor/language/json/json.worker', import.meta.url), { type: 'module' });
    }
    return new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), { type: 'module' });
  },
};

// monaco-sql-languages still calls createWebWorker({ moduleId, label, createData }), which Monaco
// 0.53+ replaced with createWebWorker({ worker }). Translate the old call into the new one.
interface LegacyWorkerOptions {
  worker?: unknown;
  label?: string;
  createData?: unknown;
  host?: Record<string, Function>;
  keepIdleModels?: boolean;
}
const createWebWorker = monaco.editor.createWebWorker;
(monaco.editor as unknown as { createWebWorker: (opts: LegacyWorkerOptions) => unknown }).createWebWorker = (opts: LegacyWorkerOptions) => {
  if (opts && !opts.worker && opts.label) {
    const env = (self as unknown as MonacoGlobal).MonacoEnvironment!;
    const worker = Promise.resolve(env.getWorker('workerMain.js', opts.label)).then((w) => {
      w.postMessage('ignore');
      w.postMessage(opts.createData);
      return w;
    });
    return createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  }
  return createWebWorker(opts as Parameters<typeof createWebWorker>[0]);
};

// CloudTrail Lake SQL names tables by bare event data store IDs (UUIDs) or the `$EDS_ID` placeholder;
// the Trino grammar rejects both. Quote them for validation only, keeping every offset unchanged so
// markers still line up with the user's text: `$EDS_ID` -> `"EDS_I"`, `<uuid>` -> `"<34 chars>"`.
const UUID = /(?<!["\w-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w"-])/gi;
export function quoteStoreReferences(sql: string): string {
  return sql.replace(/\$EDS_ID\b/g, '"EDS_I"').replace(UUID, (id) => `"${id.slice(1, -1)}"`);
}

setupLanguageFeatures(TRINO_LANGUAGE_ID, {
  // Keywords from the grammar plus columns, struct members, map keys, functions and stores.
  completionItems: { enable: true, completionService, triggerCharacters: ['.', ' ', "'"] },
  diagnostics: true,
  definitions: true,
  references: true,
  preprocessCode: quoteStoreReferences,
});

// Format Document / Format Selection (Shift+Alt+F, the toolbar's "Format SQL").
monaco.languages.registerDocumentFormattingEditProvider(TRINO_LANGUAGE_ID, {
  displayName: 'Trailbench SQL formatter',
  provideDocumentFormattingEdits: (model) => [{ range: model.getFullModelRange(), text: formatSql(model.getValue()) }],
});
monaco.languages.registerDocumentRangeFormattingEditProvider(TRINO_LANGUAGE_ID, {
  displayName: 'Trailbench SQL formatter',
  provideDocumentRangeFormattingEdits: (model, range) => {
    const whole = new monaco.Range(range.startLineNumber, 1, range.endLineNumber, model.getLineMaxColumn(range.endLineNumber));
    const indent = /^\s*/.exec(model.getLineContent(range.startLineNumber))?.[0] ?? '';
    const text = formatSql(model.getValueInRange(whole)).replace(/^/gm, indent);
    return [{ range: whole, text }];
  },
});

loader.config({ monaco });

export { monaco };
