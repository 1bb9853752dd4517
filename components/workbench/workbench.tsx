'use client';

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { TABLE_SHAPES, type TableShape } from '@/lib/lake/schema';
import { fillStorePlaceholders } from '@/lib/util/sql-text/code-spans';
import { lintQuery, type LintIssue, type LintStore } from '@/lib/workbench/lint';
import { decideRun } from '@/lib/workbench/run-check';
import { SAMPLE_QUERIES, type SampleQuery } from '@/lib/workbench/sample-queries';
import type { EditorContext } from '../editor/editor-context';
import type { Insertion } from '../editor/schema-paths';
import { SqlEditor, type SqlEditorHandle, type SyntaxProblem } from '../editor/sql-editor';
import { SyntaxStatus } from '../editor/syntax-status';
import { ResultsPanel } from '../results/results-panel';
import { Sidebar } from '../sidebar/sidebar';
import { estimateQuery, storeKey, type EventDataStore } from '../api/queries';
import { CostLine } from './cost-line';
import { BudgetField, budgetOf } from './budget-field';
import { LintDialog, LintNotes } from './lint-dialog';
import { ParameterForm } from '../parameters/parameter-form';
import { QueryStatus } from './query-status';
import { SaveQuery } from './save-dialog';
import { IDLE_RUN, isRunActive, type RunPhase } from './run-state';
import { ShortcutsHelp } from './shortcuts-help';
import { StorePicker } from './store-picker';
import { TabBar, tabDomId } from './tabs/tab-bar';
import { DEFAULT_SQL, tabIdFromPath, tabPath } from './tabs/tab-state';
import { useQueryTabs } from './tabs/use-query-tabs';
import { useTabRuns } from './tabs/use-tab-runs';
import { useCostEstimate } from './use-cost-estimate';
import { useFieldSamples } from './use-field-samples';
import { useStores } from './use-stores';
import { useTabParameters } from './use-tab-parameters';

interface PendingRun {
  tabId: string;
  sql: string;
  store: EventDataStore | undefined;
  issues: LintIssue[];
}

/** The query workbench: sidebar, query tabs, store picker, SQL editor, lint, run/cancel, status, results. */
export function Workbench() {
  const panelId = useId();
  const { stores, error: storesError, connectionErrors } = useStores();
  const tabs = useQueryTabs();
  const { state, activeTab, dispatch } = tabs;
  const runs = useTabRuns((tabId, queryId) => dispatch({ type: 'update', id: tabId, patch: { queryId } }));
  const editorRef = useRef<SqlEditorHandle | null>(null);
  const [syntax, setSyntax] = useState<SyntaxProblem[] | null>(null);
  const [pending, setPending] = useState<PendingRun | null>(null);
  const [totals, setTotals] = useState<Record<string, number | undefined>>({});
  const [budget, setBudget] = useState('');
  /** Cost warnings a run went ahead with (its estimate was under the confirmation threshold), per tab. */
  const [notes, setNotes] = useState<Record<string, LintIssue[]>>({});

  const store = stores?.find((s) => storeKey(s) === activeTab?.storeKey);
  const shape: TableShape = (TABLE_SHAPES as readonly string[]).includes(store?.shape ?? '') ? (store!.shape as TableShape) : 'cloudtrail';
  const samples = useFieldSamples(store);
  const cost = useCostEstimate(activeTab?.id, store, tabs.sqlOf);
  const params = useTabParameters(tabs.sqlOf);

  // Tabs without a store get the first one once the list is in.
  useEffect(() => {
    if (!stores?.length || !state) return;
    for (const t of state.tabs) if (!t.storeKey) dispatch({ type: 'update', id: t.id, patch: { storeKey: storeKey(stores[0]) } });
  }, [stores, state, dispatch]);

  // After a reload, show each tab's last query again (re-fetched by its ID); a link's parameter values go to the active tab.
  const restored = useRef(false);
  useEffect(() => {
    if (!state || restored.current) return;
    restored.current = true;
    for (const t of state.tabs) if (t.queryId) void runs.attach(t.id, t.queryId);
    params.takeFromUrl(state.activeId);
  }, [state, runs, params]);

  const lintStore: LintStore | undefined = useMemo(
    () => store && { id: store.id, name: store.name, retentionPeriod: store.retentionPeriod, eventCategories: store.eventCategories },
    [store],
  );
  const editorContext: EditorContext = useMemo(
    () => ({
      stores: (stores ?? []).map((s) => ({ id: s.id, name: s.name })),
      store: lintStore,
      shape,
      sampledMapKeys: Object.fromEntries(Object.entries(samples?.mapKeys ?? {}).map(([k, v]) => [k, v.map((x) => x.key)])),
      sampledValues: Object.fromEntries(Object.entries(samples?.values ?? {}).map(([k, v]) => [k, v.map((x) => x.value)])),
    }),
    [stores, lintStore, shape, samples],
  );

  const startRun = useCallback(
    (tabId: string, sql: string, runStore: EventDataStore | undefined) => {
      setTotals((t) => ({ ...t, [tabId]: undefined }));
      void runs.start(tabId, sql, runStore, budgetOf(budget), params.forRun(tabId, sql));
    },
    [runs, budget, params],
  );

  /** Run: lint first; what it finds opens the dialog or goes beside the result, in proportion to the cost (see decideRun). */
  const requestRun = async (sql: string, tabId = activeTab?.id) => {
    if (!tabId || !sql.trim() || runs.isActive(tabId)) return;
    const issues = lintQuery(sql, { store: lintStore, shape });
    const syntaxErrors = syntax?.length ?? 0;
    const onlyWarnings = syntaxErrors === 0 && issues.length > 0 && issues.every((i) => i.severity === 'warning');
    // The editor's estimate is of the tab's whole text (any edit makes it 'loading' again): reuse it when that is what runs.
    const shown = cost.estimate.state === 'done' && sql === tabs.sqlOf(tabId) ? cost.estimate.estimate : undefined;
    const estimate = onlyWarnings
      ? (shown ?? (await estimateQuery(sql, store, undefined, params.forRun(tabId, sql, false)).catch(() => undefined)))
      : undefined;
    const decision = decideRun({ issues, syntaxErrors, costUsd: estimate?.costUsd, confirmAboveUsd: estimate?.confirmAboveUsd ?? 0 });
    if (decision.action === 'confirm') return setPending({ tabId, sql, store, issues: decision.issues });
    setNotes((n) => ({ ...n, [tabId]: decision.notes }));
    startRun(tabId, sql, store);
  };

  /** Pivots and event lookups from the results: a new tab on the same store, run at once. */
  const openQuery = (q: { title: string; sql: string }) => requestRun(q.sql, tabs.openTab(q.sql, { title: q.title, storeKey: activeTab?.storeKey }));

  const closeTab = (id: string) => {
    runs.discard(id);
    dispatch({ type: 'close', id });
    editorRef.current?.disposeModel(tabPath(id));
  };

  // Stable callbacks for the (memoised) sidebar, reading the latest store and tab.
  const latest = useRef({ store, activeTab, openTab: tabs.openTab, tabs: state?.tabs ?? [] });
  useEffect(() => {
    latest.current = { store, activeTab, openTab: tabs.openTab, tabs: state?.tabs ?? [] };
  });
  const openSample = useCallback(
    (sample: SampleQuery) => {
      const { store: s, activeTab: tab, openTab, tabs: open } = latest.current;
      const already = open.find((t) => t.sampleId === sample.id);
      if (already) return dispatch({ type: 'select', id: already.id });
      openTab(s ? fillStorePlaceholders(sample.sql, [s.id]) : sample.sql, { title: sample.title, storeKey: tab?.storeKey, sampleId: sample.id });
    },
    [dispatch],
  );
  const insert = useCallback((ins: Insertion) => editorRef.current?.insertText(ins.text, ins.cursor), []);

  // A link from a store's page (/?store=<id>&sample=<sample id>) opens that sample on that store, once.
  const linked = useRef(false);
  useEffect(() => {
    if (!stores || !state || linked.current) return;
    linked.current = true;
    const q = new URLSearchParams(window.location.search);
    const target = stores.find((s) => s.id === q.get('store'));
    const sample = SAMPLE_QUERIES.find((x) => x.id === q.get('sample'));
    if (!target || !sample) return;
    window.history.replaceState(null, '', window.location.pathname);
    tabs.openTab(fillStorePlaceholders(sample.sql, [target.id]), { title: sample.title, storeKey: storeKey(target), sampleId: sample.id });
  }, [stores, state, tabs]);

  const run = activeTab ? (runs.runs[activeTab.id] ?? IDLE_RUN) : IDLE_RUN;
  const active = isRunActive(run);
  const finishedQueryId = run.phase === 'done' && run.status === 'FINISHED' ? run.queryId : undefined;

  return (
    <main className="workbench">
      <Sidebar shape={shape} samples={samples} onInsert={insert} onOpenSample={openSample} />
      <div className="workspace">
        {state && activeTab ? (
          <>
            <TabBar
              tabs={state.tabs}
              activeId={state.activeId}
              runs={runs.runs}
              panelId={panelId}
              onSelect={(id) => dispatch({ type: 'select', id })}
              onClose={closeTab}
              onNew={() => tabs.openTab(DEFAULT_SQL, { storeKey: activeTab.storeKey })}
              aside={<SyntaxStatus problems={syntax} />}
            />
            <div role="tabpanel" id={panelId} aria-labelledby={tabDomId(activeTab.id)} className="tab-panel">
              <div className="toolbar">
                <StorePicker
                  stores={stores}
                  loadError={storesError}
                  connectionErrors={connectionErrors}
                  value={activeTab.storeKey}
                  onChange={(key) => {
                    // Like the AWS console: the query's FROM follows the picked store.
                    const next = stores?.find((s) => storeKey(s) === key);
                    if (store && next && store.id !== next.id) editorRef.current?.replaceInCode(store.id, next.id);
                    dispatch({ type: 'update', id: activeTab.id, patch: { storeKey: key } });
                  }}
                />
                <div className="spacer" />
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => editorRef.current?.format()}
                  aria-keyshortcuts="Shift+Alt+F"
                  title="Format SQL (Shift+Alt+F)"
                >
                  Format SQL
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => editorRef.current?.toggleComment()}
                  aria-keyshortcuts="Control+/ Meta+/"
                  title="Comment or uncomment the selected lines (Ctrl+/ or ⌘+/)"
                >
                  Toggle comment
                </button>
                <SaveQuery
                  tabId={activeTab.id}
                  target={() => ({
                    tabId: activeTab.id,
                    title: activeTab.title,
                    sql: tabs.sqlOf(activeTab.id),
                    store,
                    savedQueryId: activeTab.savedQueryId,
                    parameters: params.definitionsOf(activeTab.id),
                  })}
                  // the tab now stands for the saved query: its name, and saving again adds a version
                  onSaved={(tabId, q) => dispatch({ type: 'update', id: tabId, patch: { savedQueryId: q.id, title: q.name } })}
                />
                <ShortcutsHelp />
                {active && (
                  <button type="button" className="btn" onClick={() => runs.cancel(activeTab.id)} disabled={run.cancelling}>
                    Cancel
                  </button>
                )}
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => requestRun(editorRef.current?.runnableSql().sql ?? tabs.sqlOf(activeTab.id))}
                  disabled={active}
                  title="Run the query, or the selected text (Ctrl+Enter / ⌘+Enter)"
                  aria-keyshortcuts="Control+Enter Meta+Enter"
                >
                  <svg aria-hidden="true" width="10" height="10" viewBox="0 0 10 10">
                    <path d="M1 0.5 9 5 1 9.5z" fill="currentColor" />
                  </svg>
                  Run
                </button>
              </div>
              <SqlEditor
                path={tabPath(activeTab.id)}
                defaultValue={tabs.sqlOf(activeTab.id)}
                onChange={(path, sql) => {
                  const id = tabIdFromPath(path);
                  if (!id) return;
                  tabs.setSql(id, sql);
                  params.onSql(id, sql);
                  cost.schedule(sql);
                }}
                onRun={requestRun}
                onSyntaxProblems={setSyntax}
                onReady={(handle) => {
                  editorRef.current = handle;
                }}
                context={editorContext}
              />
              <ParameterForm
                specs={params.specsOf(activeTab.id)}
                values={params.values[activeTab.id] ?? {}}
                onValue={(name, v) => params.setValue(activeTab.id, name, v)}
                onType={(name, t) => params.setType(activeTab.id, name, t)}
                problems={run.error?.problems}
              />
              <QueryStatus state={run} resultRows={totals[activeTab.id]} />
              <CostLine estimate={cost.estimate} run={run}>
                <BudgetField value={budget} onChange={setBudget} />
              </CostLine>
              <LintNotes issues={notes[activeTab.id] ?? []} />
              {finishedQueryId ? (
                <ResultsPanel
                  key={`${activeTab.id}:${finishedQueryId}`}
                  queryId={finishedQueryId}
                  onTotal={(n) => setTotals((t) => ({ ...t, [activeTab.id]: n }))}
                  store={store}
                  ranAt={run.startedAt}
                  onOpenQuery={openQuery}
                />
              ) : (
                <div className="results results-empty">
                  <span className="muted">{emptyResultsText(run.phase)}</span>
                </div>
              )}
            </div>
          </>
        ) : (
          <div className="editor-loading">Loading tabs…</div>
        )}
      </div>
      {pending && (
        <LintDialog
          issues={pending.issues}
          onCancel={() => {
            setPending(null);
            // After the dialog has closed (closing gives focus back to the Run button).
            requestAnimationFrame(() => editorRef.current?.focus());
          }}
          onRunAnyway={() => {
            setPending(null);
            setNotes((n) => ({ ...n, [pending.tabId]: [] }));
            startRun(pending.tabId, pending.sql, pending.store);
          }}
        />
      )}
    </main>
  );
}

function emptyResultsText(phase: RunPhase): string {
  if (phase === 'idle') return 'Run a query to see its results here.';
  if (phase === 'done') return 'No results.';
  return 'Results appear here when the query finishes.';
}
