import { describe, expect, it } from 'vitest';
import { initialTabs, parseTabs, serializeTabs, tabIdFromPath, tabPath, tabsReducer, type TabsState } from '../../components/workbench/tabs/tab-state';

const base = (): TabsState => ({ tabs: [{ id: 'a', title: 'Query 1', storeKey: 's1' }], activeId: 'a', counter: 1 });

describe('tabsReducer', () => {
  it('opens tabs with numbered titles and activates them', () => {
    let s = tabsReducer(base(), { type: 'open', tab: { id: 'b', storeKey: 's1' } });
    s = tabsReducer(s, { type: 'open', tab: { id: 'c', title: 'Root user activity' } });
    expect(s.tabs.map((t) => t.title)).toEqual(['Query 1', 'Query 2', 'Root user activity']);
    expect(s.activeId).toBe('c');
  });

  it('closing the active tab activates its neighbour; closing the last opens a fresh one', () => {
    let s = tabsReducer(base(), { type: 'open', tab: { id: 'b' } });
    s = tabsReducer(s, { type: 'open', tab: { id: 'c' } });
    s = tabsReducer(s, { type: 'select', id: 'b' });
    s = tabsReducer(s, { type: 'close', id: 'b' });
    expect(s.tabs.map((t) => t.id)).toEqual(['a', 'c']);
    expect(s.activeId).toBe('c');
    s = tabsReducer(s, { type: 'close', id: 'a' });
    expect(s.activeId).toBe('c');
    s = tabsReducer(s, { type: 'close', id: 'c' });
    expect(s.tabs).toHaveLength(1);
    expect(s.tabs[0].id).not.toBe('c');
    expect(s.activeId).toBe(s.tabs[0].id);
  });

  it('updates one tab', () => {
    const s = tabsReducer(base(), { type: 'update', id: 'a', patch: { queryId: 'q1' } });
    expect(s.tabs[0]).toEqual({ id: 'a', title: 'Query 1', storeKey: 's1', queryId: 'q1' });
  });
});

describe('persistence', () => {
  it('round-trips title, SQL, store and query ID', () => {
    const s = tabsReducer(tabsReducer(base(), { type: 'open', tab: { id: 'b', storeKey: 's2' } }), { type: 'update', id: 'b', patch: { queryId: 'q9' } });
    const sql = new Map([
      ['a', 'SELECT 1'],
      ['b', 'SELECT 2'],
    ]);
    const back = parseTabs(serializeTabs(s, (id) => sql.get(id)))!;
    expect(back.state).toEqual(s);
    expect([...back.sql]).toEqual([...sql]);
    expect(serializeTabs(s, (id) => sql.get(id))).not.toContain('rows');
  });

  it('rejects unreadable or foreign data', () => {
    expect(parseTabs(null)).toBeUndefined();
    expect(parseTabs('not json')).toBeUndefined();
    expect(parseTabs('{"version":2,"tabs":[]}')).toBeUndefined();
    expect(parseTabs('{"version":1,"tabs":[{"id":"../x"}]}')).toBeUndefined();
    const fixed = parseTabs('{"version":1,"activeId":"zz","tabs":[{"id":"a","sql":5}]}')!;
    expect(fixed.state.activeId).toBe('a');
    expect(fixed.sql.get('a')).toBe('');
  });

  it('starts with one tab holding a bounded query', () => {
    const { state, sql } = initialTabs();
    expect(state.tabs).toHaveLength(1);
    expect(sql.get(state.activeId)).toContain("eventTime > date_add('day', -7, now())");
  });

  it('maps tabs to Monaco model paths and back', () => {
    expect(tabIdFromPath(tabPath('abc123'))).toBe('abc123');
    expect(tabIdFromPath('file:///other.sql')).toBeUndefined();
  });
});
