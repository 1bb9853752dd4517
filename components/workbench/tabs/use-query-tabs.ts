'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { initialTabs, newTabId, parseTabs, serializeTabs, STORAGE_KEY, tabsReducer, type QueryTab, type TabsAction, type TabsState } from './tab-state';

const SAVE_DELAY_MS = 400;

/**
 * The open query tabs, restored from localStorage after mount (null until then, so server and
 * browser render the same HTML). Tab metadata is React state; the SQL of each tab lives in a ref
 * (typing must not re-render the page) and is saved shortly after each edit and on page hide.
 */
export function useQueryTabs() {
  const [state, setState] = useState<TabsState | null>(null);
  const sqlRef = useRef(new Map<string, string>());
  const stateRef = useRef<TabsState | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useCallback(() => {
    clearTimeout(saveTimer.current);
    const s = stateRef.current;
    if (!s) return;
    try {
      localStorage.setItem(
        STORAGE_KEY,
        serializeTabs(s, (id) => sqlRef.current.get(id)),
      );
    } catch {
      // Storage full or disabled: tabs just do not survive a reload.
    }
  }, []);

  useEffect(() => {
    let restored: ReturnType<typeof parseTabs>;
    try {
      restored = parseTabs(localStorage.getItem(STORAGE_KEY));
    } catch {
      restored = undefined;
    }
    const start = restored ?? initialTabs();
    sqlRef.current = start.sql;
    stateRef.current = start.state;
    setState(start.state);
    const onHide = () => save();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      save();
    };
  }, [save]);

  const dispatch = useCallback(
    (action: TabsAction) => {
      const cur = stateRef.current;
      if (!cur) return;
      const next = tabsReducer(cur, action);
      if (action.type === 'close') sqlRef.current.delete(action.id);
      for (const t of next.tabs) if (!sqlRef.current.has(t.id)) sqlRef.current.set(t.id, '');
      stateRef.current = next;
      setState(next);
      save();
    },
    [save],
  );

  const setSql = useCallback(
    (id: string, sql: string) => {
      sqlRef.current.set(id, sql);
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(save, SAVE_DELAY_MS);
    },
    [save],
  );

  const sqlOf = useCallback((id: string) => sqlRef.current.get(id) ?? '', []);

  /** Opens a tab with the given SQL and makes it active; returns its ID. */
  const openTab = useCallback(
    (sql: string, tab: Partial<Omit<QueryTab, 'id'>> = {}) => {
      const id = newTabId();
      sqlRef.current.set(id, sql);
      dispatch({ type: 'open', tab: { ...tab, id } });
      return id;
    },
    [dispatch],
  );

  const activeTab = state?.tabs.find((t) => t.id === state.activeId);
  return { state, activeTab, dispatch, openTab, setSql, sqlOf };
}
