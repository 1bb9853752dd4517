import { describe, expect, it } from 'vitest';
import { parseTabs, serializeTabs, tabsReducer, type TabsState } from '../../components/workbench/tabs/tab-state';

// A tab saved from the workbench is linked to its saved query (saving again adds a version); the
// link must survive a reload, and a tampered one must not reach the API as a path.
describe('a tab linked to its saved query', () => {
  const state: TabsState = { tabs: [{ id: 'a', title: 'Query 1' }], activeId: 'a', counter: 1 };

  it('keeps the link and the saved name through a reload', () => {
    const saved = tabsReducer(state, { type: 'update', id: 'a', patch: { savedQueryId: '0b6c3f4e-1d2a-4c55-9a1e-7f00d1f2a3b4', title: 'Root logins' } });
    const back = parseTabs(serializeTabs(saved, () => 'SELECT 1'));
    expect(back?.state.tabs[0]).toMatchObject({ savedQueryId: '0b6c3f4e-1d2a-4c55-9a1e-7f00d1f2a3b4', title: 'Root logins' });
  });

  it('drops a link that is not an ID', () => {
    const json = JSON.stringify({ version: 1, activeId: 'a', counter: 1, tabs: [{ id: 'a', title: 'Q', sql: '', savedQueryId: '../users' }] });
    expect(parseTabs(json)?.state.tabs[0].savedQueryId).toBeUndefined();
  });
});
