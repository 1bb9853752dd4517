/**
 * Query tabs: which are open, which is active, and what survives a reload (localStorage: title,
 * SQL, store and last query ID per tab; never result rows). Pure, so it is unit-tested.
 */
export interface QueryTab {
  id: string;
  title: string;
  /** storeKey() of the picked store. */
  storeKey?: string;
  /** The tab's last query (results are re-fetched by it after a reload). */
  queryId?: string;
  /** The sample query the tab was opened from: opening that sample again focuses this tab. */
  sampleId?: string;
  /** The saved query this tab was saved as: saving again adds a version to it. */
  savedQueryId?: string;
}

export interface TabsState {
  tabs: QueryTab[];
  activeId: string;
  /** For "Query N" titles. */
  counter: number;
}

export interface PersistedTab extends QueryTab {
  sql: string;
}

export const STORAGE_KEY = 'trailbench.tabs.v1';
const MAX_TABS = 30;
const MAX_SQL = 100_000;

export const DEFAULT_SQL = `SELECT eventName, count(*) AS n
FROM $EDS_ID
WHERE eventTime > date_add('day', -7, now())
GROUP BY eventName
ORDER BY n DESC`;

export function newTabId(): string {
  return Math.random().toString(36).slice(2, 10) + Date.now().toString(36).slice(-4);
}

/** The Monaco model path of a tab. */
export function tabPath(id: string): string {
  return `file:///tabs/${id}.sql`;
}

export function tabIdFromPath(path: string): string | undefined {
  return /^file:\/\/\/tabs\/([\w-]+)\.sql$/.exec(path)?.[1];
}

export type TabsAction =
  | { type: 'open'; tab: Omit<QueryTab, 'title'> & { title?: string } }
  | { type: 'close'; id: string }
  | { type: 'select'; id: string }
  | { type: 'update'; id: string; patch: Partial<Omit<QueryTab, 'id'>> };

export function tabsReducer(state: TabsState, action: TabsAction): TabsState {
  switch (action.type) {
    case 'open': {
      const counter = state.counter + 1;
      const tab: QueryTab = { ...action.tab, title: action.tab.title || `Query ${counter}` };
      return { tabs: [...state.tabs, tab], activeId: tab.id, counter };
    }
    case 'close': {
      const i = state.tabs.findIndex((t) => t.id === action.id);
      if (i < 0) return state;
      const tabs = state.tabs.filter((t) => t.id !== action.id);
      if (tabs.length === 0) {
        const counter = state.counter + 1;
        const fresh: QueryTab = { id: newTabId(), title: `Query ${counter}`, storeKey: state.tabs[i].storeKey };
        return { tabs: [fresh], activeId: fresh.id, counter };
      }
      const activeId = state.activeId === action.id ? tabs[Math.min(i, tabs.length - 1)].id : state.activeId;
      return { ...state, tabs, activeId };
    }
    case 'select':
      return state.tabs.some((t) => t.id === action.id) ? { ...state, activeId: action.id } : state;
    case 'update':
      return { ...state, tabs: state.tabs.map((t) => (t.id === action.id ? { ...t, ...action.patch } : t)) };
  }
}

export function initialTabs(): { state: TabsState; sql: Map<string, string> } {
  const id = newTabId();
  return { state: { tabs: [{ id, title: 'Query 1' }], activeId: id, counter: 1 }, sql: new Map([[id, DEFAULT_SQL]]) };
}

export function serializeTabs(state: TabsState, sqlOf: (id: string) => string | undefined): string {
  const tabs: PersistedTab[] = state.tabs.slice(0, MAX_TABS).map((t) => ({ ...t, sql: (sqlOf(t.id) ?? '').slice(0, MAX_SQL) }));
  return JSON.stringify({ version: 1, activeId: state.activeId, counter: state.counter, tabs });
}

/** The saved tabs, or undefined when there are none or they are unreadable. */
export function parseTabs(json: string | null): { state: TabsState; sql: Map<string, string> } | undefined {
  if (!json) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  const r = raw as { version?: unknown; activeId?: unknown; counter?: unknown; tabs?: unknown };
  if (r?.version !== 1 || !Array.isArray(r.tabs)) return undefined;
  const tabs: QueryTab[] = [];
  const sql = new Map<string, string>();
  for (const t of r.tabs.slice(0, MAX_TABS) as Record<string, unknown>[]) {
    if (typeof t?.id !== 'string' || !/^[\w-]{1,40}$/.test(t.id) || sql.has(t.id)) continue;
    tabs.push({
      id: t.id,
      title: typeof t.title === 'string' && t.title ? t.title.slice(0, 120) : 'Query',
      storeKey: typeof t.storeKey === 'string' ? t.storeKey : undefined,
      queryId: typeof t.queryId === 'string' ? t.queryId : undefined,
      sampleId: typeof t.sampleId === 'string' ? t.sampleId.slice(0, 120) : undefined,
      savedQueryId: typeof t.savedQueryId === 'string' && /^[\w-]{1,64}$/.test(t.savedQueryId) ? t.savedQueryId : undefined,
    });
    sql.set(t.id, typeof t.sql === 'string' ? t.sql.slice(0, MAX_SQL) : '');
  }
  if (tabs.length === 0) return undefined;
  const activeId = typeof r.activeId === 'string' && sql.has(r.activeId) ? r.activeId : tabs[0].id;
  const counter = typeof r.counter === 'number' && Number.isFinite(r.counter) ? Math.max(r.counter, tabs.length) : tabs.length;
  return { state: { tabs, activeId, counter }, sql };
}
